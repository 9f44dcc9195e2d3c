using Orchestrator.Api.Tests.Launch;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.Monitoring;

public sealed class HealthMonitoringBuilderTests
{
    private readonly TestModelBuilder _builder = new();

    [Fact]
    public void A_liveness_check_without_a_path_probes_alive()
    {
        var api = _builder.AddService("api").WithHttpEndpoint().WithLivenessCheck();

        Assert.Equal(new LivenessCheckAnnotation("/alive", 200, null), api.Resource.Annotations.LastOfType<LivenessCheckAnnotation>());
    }

    [Fact]
    public void A_liveness_check_keeps_its_path_status_and_endpoint()
    {
        var api = _builder.AddService("api").WithHttpEndpoint(name: "admin").WithLivenessCheck("livez", 204, "admin");

        Assert.Equal(new LivenessCheckAnnotation("/livez", 204, "admin"), api.Resource.Annotations.LastOfType<LivenessCheckAnnotation>());
    }

    [Fact]
    public void A_later_WithHealthCheckOptions_changes_only_what_it_passes()
    {
        var api = _builder.AddService("api")
            .WithHealthCheckOptions(interval: TimeSpan.FromSeconds(10), failureThreshold: 5)
            .WithHealthCheckOptions(timeout: TimeSpan.FromSeconds(1), failureThreshold: 4);

        var options = Assert.Single(api.Resource.Annotations.OfType<HealthCheckOptionsAnnotation>());
        Assert.Equal(new HealthCheckOptionsAnnotation(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), 4, null), options);
    }

    [Fact]
    public void A_failure_threshold_below_one_is_refused_with_the_resource_name()
    {
        var api = _builder.AddService("api");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => api.WithHealthCheckOptions(failureThreshold: 0));

        Assert.Contains("Resource 'api'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_interval_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _builder.AddService("api").WithHealthCheckOptions(interval: TimeSpan.Zero));
    }

    [Fact]
    public void A_zero_startup_grace_period_is_allowed()
    {
        var api = _builder.AddService("api").WithHealthCheckOptions(startupGracePeriod: TimeSpan.Zero);

        Assert.Equal(TimeSpan.Zero, api.Resource.Annotations.LastOfType<HealthCheckOptionsAnnotation>()!.StartupGracePeriod);
    }
}
