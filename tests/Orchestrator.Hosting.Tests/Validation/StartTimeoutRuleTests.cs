using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting.Tests.Validation;

public sealed class StartTimeoutRuleTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Reports_a_start_timeout_that_is_not_positive(int seconds)
    {
        _models.Project("catalog").WithStartTimeout(TimeSpan.FromSeconds(seconds));

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains($"'catalog' has a start timeout of {TimeSpan.FromSeconds(seconds)}", problem.Message);
    }

    [Fact]
    public void Accepts_a_positive_start_timeout()
    {
        _models.Project("catalog").WithStartTimeout(TimeSpan.FromMilliseconds(1));

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }
}
