using Orchestrator.Api.Security;

namespace Orchestrator.Api.Tests.Security;

public sealed class ApiKeyValidatorTests
{
    private readonly ApiKeyValidator _validator = new(new ApiKeys("operator-key-0123456789", "viewer-key-0123456789", "test"));

    [Fact]
    public void Each_key_has_its_role() =>
        Assert.Equal(((ApiRole?)ApiRole.Operator, (ApiRole?)ApiRole.Viewer),
            (_validator.Authenticate("operator-key-0123456789"), _validator.Authenticate("viewer-key-0123456789")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("operator-key-012345678")]
    [InlineData("operator-key-01234567890")]
    [InlineData("OPERATOR-KEY-0123456789")]
    public void Anything_else_has_no_role(string? presented) => Assert.Null(_validator.Authenticate(presented));
}
