using System.Text.Json.Serialization;

namespace Orchestrator.Api.Events;

/// <summary>
/// A moment in the orchestrator's life (a restart was scheduled, a circuit opened), as opposed to a
/// snapshot, which is the ongoing state. Every event flows through the one <see cref="EventStream"/>
/// and serializes to JSON with a <c>type</c> discriminator (<c>restart.scheduled</c>) for the WebSocket.
/// </summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource it concerns, if any.</param>
/// <param name="Replica">The replica it concerns (<c>catalog-0</c>), if any.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ResourceStateChanged), "resource.state")]
[JsonDerivedType(typeof(HealthChanged), "resource.health")]
[JsonDerivedType(typeof(FailureDetected), "failure.detected")]
[JsonDerivedType(typeof(RestartScheduled), "restart.scheduled")]
[JsonDerivedType(typeof(RestartStarted), "restart.started")]
[JsonDerivedType(typeof(RestartSucceeded), "restart.succeeded")]
[JsonDerivedType(typeof(RestartFailed), "restart.failed")]
[JsonDerivedType(typeof(DependencyRestartStarted), "restart.dependency")]
[JsonDerivedType(typeof(CircuitChanged), "circuit.changed")]
[JsonDerivedType(typeof(Quarantined), "resource.quarantined")]
[JsonDerivedType(typeof(Released), "resource.released")]
[JsonDerivedType(typeof(AlertRaised), "alert.raised")]
public abstract record OrchestratorEvent(DateTimeOffset Timestamp, string? Resource, string? Replica);
