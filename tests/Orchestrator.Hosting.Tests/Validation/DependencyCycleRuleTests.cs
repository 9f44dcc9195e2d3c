using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting.Tests.Validation;

public sealed class DependencyCycleRuleTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Names_a_cycle_in_order_once()
    {
        var a = _models.Executable("a");
        var b = _models.Executable("b");
        var c = _models.Executable("c");
        a.WaitFor(b);
        b.WaitFor(c);
        c.WaitFor(a);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Equal("a", problem.ResourceName);
        Assert.Contains("a -> b -> c -> a", problem.Message);
    }

    [Fact]
    public void Starts_the_cycle_at_its_earliest_declared_resource()
    {
        var a = _models.Executable("a");
        var b = _models.Executable("b");
        var c = _models.Executable("c");
        c.WaitFor(b);
        b.WaitFor(c);
        a.WaitFor(b);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("b -> c -> b", problem.Message);
    }

    [Fact]
    public void Reports_each_of_two_separate_cycles()
    {
        var a = _models.Executable("a");
        var b = _models.Executable("b");
        var c = _models.Executable("c");
        var d = _models.Executable("d");
        a.WaitFor(b);
        b.WaitFor(a);
        c.WaitFor(d);
        d.WaitFor(c);

        var problems = ModelValidator.Validate(_models.Model);

        Assert.Collection(
            problems,
            p => Assert.Contains("a -> b -> a", p.Message),
            p => Assert.Contains("c -> d -> c", p.Message));
    }

    [Fact]
    public void Reports_both_cycles_that_share_a_resource()
    {
        var a = _models.Executable("a");
        var b = _models.Executable("b");
        var c = _models.Executable("c");
        a.WaitFor(b);
        b.WaitFor(a);
        b.WaitFor(c);
        c.WaitFor(b);

        var problems = ModelValidator.Validate(_models.Model);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Message.Contains("a -> b -> a", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("b -> c -> b", StringComparison.Ordinal));
    }

    [Fact]
    public void Follows_references_as_well_as_waits()
    {
        var storefront = _models.Project("storefront");
        var catalog = _models.Project("catalog");
        storefront.WithReference(catalog);
        catalog.WaitFor(storefront);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("storefront -> catalog -> storefront", problem.Message);
    }

    [Fact]
    public void Accepts_a_dependency_chain_without_a_cycle()
    {
        var a = _models.Executable("a");
        var b = _models.Executable("b");
        var c = _models.Executable("c");
        a.WaitFor(b).WaitFor(c);
        b.WaitFor(c);

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }
}
