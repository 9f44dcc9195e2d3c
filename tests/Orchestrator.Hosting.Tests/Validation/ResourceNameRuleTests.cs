using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting.Tests.Validation;

public sealed class ResourceNameRuleTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Theory]
    [InlineData("Catalog")]
    [InlineData("1catalog")]
    [InlineData("-catalog")]
    [InlineData("catalog-")]
    [InlineData("cat_alog")]
    [InlineData("cat.alog")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Rejects_a_name_that_breaks_the_naming_rule_and_says_the_rule(string name)
    {
        _models.Executable(name);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Equal(name, problem.ResourceName);
        Assert.Contains($"'{name}' has an invalid name", problem.Message);
        Assert.Contains("lower-case letter", problem.Message);
        Assert.Contains("does not end with a dash", problem.Message);
        Assert.Contains("63 characters", problem.Message);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("catalog-2")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void Accepts_a_name_of_lower_case_letters_digits_and_dashes(string name)
    {
        _models.Executable(name);

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }

    [Fact]
    public void Reports_a_name_declared_twice_once()
    {
        _models.Executable("worker");
        _models.Executable("worker");

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Equal("Resource 'worker' is declared twice. Give each resource its own name.", problem.Message);
    }

    [Fact]
    public void Treats_names_that_differ_only_in_case_as_the_same_name()
    {
        _models.Executable("worker");
        _models.Executable("Worker");

        var problems = ModelValidator.Validate(_models.Model);

        Assert.Contains(problems, p => p.Message.Contains("declared twice, as 'worker' and 'Worker'", StringComparison.Ordinal));
    }
}
