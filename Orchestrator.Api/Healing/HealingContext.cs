using Microsoft.Extensions.Logging;
using Orchestrator.Api.Telemetry;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Healing;

/// <summary>What every part of the healer shares: the mechanism, the state, the history, the clock, and when to stop.</summary>
internal sealed record HealingContext(
    IReplicaControl Control,
    ResourceNotificationService Notifications,
    HealingRecorder Recorder,
    HealingStatePublisher States,
    DependencyHealth Dependencies,
    HealerOptions Options,
    TimeProvider Time,
    ILogger Logger,
    OrchestratorInstrumentation Telemetry,
    CancellationToken Stopping);
