using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting.Tests.Validation;

public sealed class ModelValidatorTests : IDisposable
{
    private readonly TestModels _models = new();
    private readonly TestModels _elsewhere = new();

    public void Dispose()
    {
        _models.Dispose();
        _elsewhere.Dispose();
    }

    [Fact]
    public void Finds_no_problem_in_a_sound_model()
    {
        var postgres = _models.Builder.AddPostgres("pg");
        var catalogDb = postgres.AddDatabase("catalogdb");
        var cache = _models.Builder.AddRedis("cache", port: 6399);
        var migrations = _models.Executable("migrations").WaitFor(catalogDb);
        var catalog = _models.Project("catalog")
            .WithReference(catalogDb).WithReference(cache)
            .WaitFor(catalogDb).WaitForCompletion(migrations)
            .WithReplicas(2).WithHttpHealthCheck("/health").WithStartTimeout(TimeSpan.FromSeconds(30));
        _models.Project("storefront").WithReference(catalog).WaitFor(catalog).WithHttpEndpoint(port: 5080).WithLaunchPhase(phase: 2);

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }

    [Fact]
    public void Reports_every_problem_at_once_each_naming_its_resource()
    {
        var outsider = _elsewhere.Builder.AddRedis("ghost");
        _models.Project("Catalog");
        _models.Project("orders").WithReplicas(0).WaitFor(outsider);
        _models.Builder.AddExecutable("worker", "./missing.sh", ".").WithStartTimeout(TimeSpan.Zero);

        var problems = ModelValidator.Validate(_models.Model);

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.ResourceName == "Catalog" && p.Message.Contains("'Catalog' has an invalid name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ResourceName == "orders" && p.Message.Contains("'orders' waits for 'ghost'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ResourceName == "orders" && p.Message.Contains("'orders' asks for 0 replicas", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ResourceName == "worker" && p.Message.Contains("'worker' runs", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ResourceName == "worker" && p.Message.Contains("'worker' has a start timeout", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Contains($"'{p.ResourceName}'", p.Message));
    }

    [Fact]
    public void Lists_problems_in_resource_order()
    {
        var c = _models.Executable("c").WithStartTimeout(TimeSpan.Zero);
        _models.Executable("b").WithReplicas(0);
        var a = _models.Executable("a");
        a.WaitFor(c);
        c.WaitFor(a);

        var problems = ModelValidator.Validate(_models.Model);

        Assert.Equal(["c", "c", "b"], problems.Select(p => p.ResourceName));
    }

    [Fact]
    public void Build_reports_the_problems_before_it_looks_for_an_orchestrator()
    {
        _models.Executable("worker").WithReplicas(0);
        _models.Executable("Other");

        var exception = Assert.Throws<DistributedApplicationValidationException>(() => _models.Builder.Build());

        Assert.Equal(2, exception.Problems.Count);
        Assert.Contains("'worker' asks for 0 replicas", exception.Message);
        Assert.Contains("'Other' has an invalid name", exception.Message);
    }
}
