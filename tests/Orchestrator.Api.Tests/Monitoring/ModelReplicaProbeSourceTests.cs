using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Monitoring;
using Orchestrator.Api.Tests.Launch;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Api.Tests.Monitoring;

public sealed class ModelReplicaProbeSourceTests : IDisposable
{
    private readonly TestModelBuilder _builder = new();
    private readonly RecordingDriver _driver = new();
    private readonly HttpHealthCheckProbeFactory _httpProbes = new(new FakeTimeProvider());

    public void Dispose() => _httpProbes.Dispose();

    [Fact]
    public void The_readiness_probe_is_the_drivers_probe_for_that_replica()
    {
        _builder.AddService("api").WithHttpEndpoint().WithReplicas(2);

        var probes = CreateSource().GetProbes(Running("api", 1));

        Assert.Same(_driver.Probe, probes.Readiness);
        Assert.Equal(1, _driver.LastReplica!.Index);
        Assert.Null(probes.Liveness);
        Assert.Same(probes.Readiness, probes.EffectiveLiveness);
    }

    [Fact]
    public void A_liveness_check_becomes_an_http_probe_on_the_replicas_own_endpoint()
    {
        _builder.AddService("api").WithHttpEndpoint().WithReplicas(2).WithLivenessCheck();

        var probes = CreateSource().GetProbes(Running("api", 1));

        Assert.Equal("GET http://127.0.0.1:6001/alive", probes.Liveness!.Description);
    }

    [Fact]
    public void A_liveness_check_on_a_missing_endpoint_leaves_the_readiness_probe_in_charge()
    {
        _builder.AddService("api").WithHttpEndpoint().WithLivenessCheck(endpointName: "admin");

        var probes = CreateSource().GetProbes(Running("api", 0));

        Assert.Null(probes.Liveness);
        Assert.Same(_driver.Probe, probes.EffectiveLiveness);
    }

    [Fact]
    public void Check_timing_comes_from_WithHealthCheckOptions_over_the_monitor_defaults()
    {
        _builder.AddService("api").WithHttpEndpoint().WithHealthCheckOptions(interval: TimeSpan.FromSeconds(30), failureThreshold: 5);

        var settings = CreateSource(new HealthMonitorOptions { Timeout = TimeSpan.FromSeconds(4) }).GetProbes(Running("api", 0)).Settings;

        Assert.Equal(new HealthCheckSettings(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(4), 5, MonitoringDefaults.StartupGracePeriod), settings);
    }

    [Fact]
    public void A_replica_of_a_resource_outside_the_model_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CreateSource().GetProbes(Running("ghost", 0)));

        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
    }

    private ModelReplicaProbeSource CreateSource(HealthMonitorOptions? options = null)
    {
        var endpoints = new Dictionary<(string, string, int), AllocatedEndpoint>
        {
            [("api", "http", 0)] = new("http", "http", "127.0.0.1", 6000),
            [("api", "http", 1)] = new("http", "http", "127.0.0.1", 6001),
        };
        var runtime = new ResourceRuntimeContext(Path.GetTempPath(), new NoSecrets(), endpoints);
        return new ModelReplicaProbeSource(_builder.Model, new ResourceDriverRegistry([_driver]), runtime, _httpProbes, options ?? new HealthMonitorOptions(),
            NullLogger<ModelReplicaProbeSource>.Instance);
    }

    private static ResourceSnapshot Running(string resource, int index) =>
        new(resource, $"{resource}-{index}", index, "executable") { State = KnownResourceState.Running, ProcessId = 77 };

    private sealed class RecordingDriver : IResourceDriver
    {
        public IHealthProbe Probe { get; } = new FakeHealthProbe(TimeProvider.System, "driver probe");

        public ReplicaContext? LastReplica { get; private set; }

        public bool CanRun(IResource resource) => true;

        public Task PrepareAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken) => Task.CompletedTask;

        public ProcessSpec? CreateProcessSpec(ReplicaContext replica) => null;

        public IHealthProbe? CreateHealthProbe(ReplicaContext replica)
        {
            LastReplica = replica;
            return Probe;
        }

        public Task OnHealthyAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
