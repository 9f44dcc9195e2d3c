using Orchestrator.Api.Healing;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.Healing;

public sealed class RestartPolicyBuilderTests
{
    private readonly IDistributedApplicationBuilder _builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
    {
        AppHostDirectory = Path.GetTempPath(),
        StateDirectory = Path.Combine(Path.GetTempPath(), "orchestrator-restart-policy-tests"),
    });

    [Fact]
    public void A_resource_without_a_restart_policy_gets_the_default_ladder()
    {
        var worker = _builder.AddExecutable("worker", "true", ".");

        var policy = worker.Resource.GetRestartPolicy();

        Assert.Equal(RestartPolicy.Always, policy.Policy);
        Assert.Equal(RestartPolicyDefaults.Tiers, policy.Tiers);
        Assert.Equal(TimeSpan.FromSeconds(10), policy.MinUptime);
        Assert.Equal(TimeSpan.FromMinutes(5), policy.StabilityPeriod);
    }

    [Fact]
    public void WithRestartPolicy_puts_the_configured_ladder_on_the_resource()
    {
        var worker = _builder.AddExecutable("worker", "true", ".").WithRestartPolicy(RestartPolicy.OnFailure, o =>
        {
            o.Tiers = [RestartTier.Immediate(TimeSpan.FromSeconds(3)), RestartTier.Quarantine()];
            o.MinUptime = TimeSpan.FromSeconds(4);
            o.StabilityPeriod = TimeSpan.FromMinutes(1);
        });

        var ladder = RestartLadder.For(worker.Resource, new DistributedApplicationModel(_builder.Resources));
        var state = ReplicaRestartState.Initial.OnStarted(DateTimeOffset.UnixEpoch);
        var first = ladder.Decide(state, 1, DateTimeOffset.UnixEpoch.AddSeconds(1));
        var second = ladder.Decide(first.State.OnStarted(DateTimeOffset.UnixEpoch.AddSeconds(5)), 1, DateTimeOffset.UnixEpoch.AddSeconds(6));

        Assert.Equal(RestartPolicy.OnFailure, ladder.Policy.Policy);
        Assert.Equal(TimeSpan.FromSeconds(4), ladder.Policy.MinUptime);
        Assert.Equal(new RestartDecision.Restart(1, 1, RestartAction.Immediate, TimeSpan.FromSeconds(3)), first.Decision);
        Assert.IsType<RestartDecision.Quarantine>(second.Decision);
    }

    [Fact]
    public void The_last_WithRestartPolicy_wins()
    {
        var worker = _builder.AddExecutable("worker", "true", ".")
            .WithRestartPolicy(RestartPolicy.Never)
            .WithRestartPolicy(RestartPolicy.OnFailure);

        Assert.Equal(RestartPolicy.OnFailure, worker.Resource.GetRestartPolicy().Policy);
    }

    [Fact]
    public void A_resource_another_waits_to_complete_runs_to_completion()
    {
        var migrations = _builder.AddExecutable("migrations", "true", ".");
        var api = _builder.AddExecutable("api", "true", ".").WaitForCompletion(migrations);
        var model = new DistributedApplicationModel(_builder.Resources);

        Assert.True(RestartLadder.For(migrations.Resource, model).RunsToCompletion);
        Assert.False(RestartLadder.For(api.Resource, model).RunsToCompletion);
    }

    [Fact]
    public void Rejects_a_quarantine_tier_before_the_last_naming_the_resource()
    {
        var worker = _builder.AddExecutable("worker", "true", ".");

        var error = Assert.Throws<ArgumentException>(() => worker.WithRestartPolicy(configure: o =>
            o.Tiers = [RestartTier.Quarantine(), RestartTier.Immediate(TimeSpan.FromSeconds(1))]));

        Assert.Contains("'worker'", error.Message, StringComparison.Ordinal);
        Assert.Empty(worker.Resource.Annotations.OfType<RestartPolicyAnnotation>());
    }

    [Fact]
    public void Rejects_a_restart_tier_without_delays()
    {
        var worker = _builder.AddExecutable("worker", "true", ".");

        Assert.Throws<ArgumentException>(() => worker.WithRestartPolicy(configure: o => o.Tiers = [RestartTier.Graceful()]));
    }
}
