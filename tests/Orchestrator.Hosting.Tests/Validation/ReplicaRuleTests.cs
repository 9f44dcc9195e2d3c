using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting.Tests.Validation;

public sealed class ReplicaRuleTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Reports_fewer_than_one_replica(int replicas)
    {
        _models.Project("catalog").WithReplicas(replicas);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Equal($"Resource 'catalog' asks for {replicas} replicas. Use WithReplicas(n) with n of 1 or more.", problem.Message);
    }

    [Fact]
    public void Reports_several_replicas_sharing_a_fixed_port()
    {
        _models.Project("catalog").WithHttpEndpoint(port: 5080).WithReplicas(2);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("'catalog' runs 2 replicas but fixes endpoint 'http' to port 5080", problem.Message);
    }

    [Fact]
    public void Accepts_several_replicas_on_allocated_ports()
    {
        _models.Project("catalog").WithReplicas(3);

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }

    [Fact]
    public void Lets_the_last_WithReplicas_win()
    {
        _models.Project("catalog").WithReplicas(0).WithReplicas(2);

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }
}
