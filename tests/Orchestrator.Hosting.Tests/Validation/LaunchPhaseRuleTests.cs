using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting.Tests.Validation;

public sealed class LaunchPhaseRuleTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Reports_a_resource_pinned_before_its_dependency()
    {
        var search = _models.Project("search").WithLaunchPhase(phase: 2);
        _models.Project("gateway").WithLaunchPhase(phase: 1).WaitFor(search);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Equal("gateway", problem.ResourceName);
        Assert.Contains("'gateway' is pinned to phase 1 but depends on 'search' in phase 2", problem.Message);
        Assert.Contains("Pin 'gateway' to phase 3 or later", problem.Message);
    }

    [Fact]
    public void Reports_a_resource_pinned_to_the_phase_of_its_dependency()
    {
        var cache = _models.Builder.AddRedis("cache");
        _models.Project("catalog").WithLaunchPhase(phase: 0).WithReference(cache);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("'catalog' is pinned to phase 0 but depends on 'cache' in phase 0", problem.Message);
    }

    [Fact]
    public void Accepts_a_dependency_in_an_earlier_phase()
    {
        var cache = _models.Builder.AddRedis("cache");
        _models.Project("catalog").WithLaunchPhase(phase: 1).WithReference(cache);

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }

    [Fact]
    public void Accepts_a_database_in_the_phase_of_its_server()
    {
        _models.Builder.AddPostgres("pg").AddDatabase("catalogdb");

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }

    [Fact]
    public void Reports_a_negative_phase()
    {
        _models.Project("catalog").WithLaunchPhase(phase: -1);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("'catalog' is pinned to phase -1, but phases start at 0", problem.Message);
    }
}
