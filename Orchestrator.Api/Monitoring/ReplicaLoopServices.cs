using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Monitoring;

/// <summary>What every replica's health loop shares.</summary>
internal sealed record ReplicaLoopServices(
    ResourceNotificationService Notifications,
    EventStream Events,
    ProcessStatsSampler ProcessStats,
    CheckScheduler Scheduler,
    TimeProvider TimeProvider,
    ILogger Logger);
