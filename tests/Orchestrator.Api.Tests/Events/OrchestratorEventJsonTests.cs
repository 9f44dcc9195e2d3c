using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Api.Events;
using Orchestrator.Api.Healing;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Events;

public sealed class OrchestratorEventJsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, 123, TimeSpan.Zero);

    public static TheoryData<string, OrchestratorEvent> Events => new()
    {
        { "resource.state", new ResourceStateChanged(Now, "catalog", "catalog-0", KnownResourceState.Running, KnownResourceState.Starting, "healthy") },
        { "resource.health", new HealthChanged(Now, "catalog", "catalog-0", HealthStatus.Unhealthy, HealthStatus.Healthy, "GET /health: 503") },
        { "failure.detected", new FailureDetected(Now, "catalog", "catalog-0", 137, "killed") },
        { "restart.scheduled", new RestartScheduled(Now, "catalog", "catalog-0", 4, 2, RestartAction.Graceful, TimeSpan.FromSeconds(30)) },
        { "restart.started", new RestartStarted(Now, "catalog", "catalog-0", 4, RestartAction.Graceful) },
        { "restart.succeeded", new RestartSucceeded(Now, "catalog", "catalog-0", 4) },
        { "restart.failed", new RestartFailed(Now, "catalog", "catalog-0", 4, "exited after 2 s") },
        { "restart.dependency", new DependencyRestartStarted(Now, "catalog", "catalog-0", "postgres") },
        { "circuit.changed", new CircuitChanged(Now, "catalog", BreakerState.Open, BreakerState.Closed, TimeSpan.FromMinutes(1)) },
        { "resource.quarantined", new Quarantined(Now, "catalog", "catalog-0", 8, "ladder exhausted") },
        { "resource.released", new Released(Now, "catalog", "catalog-0", "admin") },
        { "alert.raised", new AlertRaised(Now, null, null, AlertSeverity.Critical, "catalog is quarantined") },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Writes_the_type_discriminator(string type, OrchestratorEvent orchestratorEvent)
    {
        var json = JsonNode.Parse(OrchestratorEventJson.Serialize(orchestratorEvent))!;

        Assert.Equal(type, (string?)json["type"]);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Round_trips_every_event_through_json(string type, OrchestratorEvent orchestratorEvent)
    {
        var json = OrchestratorEventJson.Serialize(orchestratorEvent);

        var read = OrchestratorEventJson.Deserialize(json);

        Assert.Equal(orchestratorEvent, read);
        Assert.Equal(type, (string?)JsonNode.Parse(json)!["type"]);
    }

    [Fact]
    public void Writes_camel_case_names_and_enums_by_name()
    {
        var json = JsonNode.Parse(OrchestratorEventJson.Serialize(
            new RestartScheduled(Now, "catalog", "catalog-0", 6, 3, RestartAction.RestartDependencies, TimeSpan.FromSeconds(60))))!;

        Assert.Equal("RestartDependencies", (string?)json["action"]);
        Assert.Equal("catalog-0", (string?)json["replica"]);
        Assert.Equal(6, (int?)json["attempt"]);
    }

    [Fact]
    public void Reads_an_event_whose_type_is_not_the_first_property()
    {
        const string json = """{"resource":"catalog","replica":"catalog-0","attempt":2,"timestamp":"2026-01-01T12:00:00Z","type":"restart.succeeded"}""";

        var read = OrchestratorEventJson.Deserialize(json);

        Assert.Equal(new RestartSucceeded(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), "catalog", "catalog-0", 2), read);
    }

    [Fact]
    public void Rejects_an_unknown_type()
    {
        Assert.Throws<JsonException>(() => OrchestratorEventJson.Deserialize("""{"type":"restart.exploded","timestamp":"2026-01-01T12:00:00Z"}"""));
    }
}
