namespace Orchestrator.Api.Telemetry;

/// <summary>The orchestrator's own telemetry: every name and default number in one place.</summary>
public static class OrchestratorTelemetryDefaults
{
    /// <summary>The <c>service.name</c> the orchestrator's spans, metrics and logs carry.</summary>
    public const string ServiceName = "orchestrator";

    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of launch and healing spans.</summary>
    public const string ActivitySourceName = "Orchestrator";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the orchestrator's instruments.</summary>
    public const string MeterName = "Orchestrator";

    /// <summary>Observable gauge: replicas in each state (tag <c>orchestrator.resource.state</c>).</summary>
    public const string ResourcesMetric = "orchestrator.resources";

    /// <summary>Counter: restarts begun, by tier (tag <c>orchestrator.restart.tier</c>; <c>none</c> for one that does not count on the ladder).</summary>
    public const string RestartsMetric = "orchestrator.restarts";

    /// <summary>Counter: replicas quarantined.</summary>
    public const string QuarantinesMetric = "orchestrator.quarantines";

    /// <summary>Histogram: how long each health check took, in seconds.</summary>
    public const string HealthCheckDurationMetric = "orchestrator.health_check.duration";

    /// <summary>Histogram: how long a launch took from plan to all healthy (or failed), in seconds.</summary>
    public const string LaunchDurationMetric = "orchestrator.launch.duration";

    /// <summary>Tag names shared by spans and metrics.</summary>
    public const string ResourceTag = "orchestrator.resource.name";

    /// <summary>The replica (<c>catalog-1</c>).</summary>
    public const string ReplicaTag = "orchestrator.replica.name";

    /// <summary>The replica's state, on <see cref="ResourcesMetric"/>.</summary>
    public const string StateTag = "orchestrator.resource.state";

    /// <summary>The ladder's tier of a restart.</summary>
    public const string TierTag = "orchestrator.restart.tier";

    /// <summary>What a restart does: <c>Immediate</c>, <c>Graceful</c>, <c>RestartDependencies</c>.</summary>
    public const string ActionTag = "orchestrator.restart.action";

    /// <summary>The ladder's attempt of a restart or quarantine.</summary>
    public const string AttemptTag = "orchestrator.restart.attempt";

    /// <summary>How a launch or health check ended.</summary>
    public const string OutcomeTag = "orchestrator.outcome";

    /// <summary>Readiness or liveness, on <see cref="HealthCheckDurationMetric"/>.</summary>
    public const string CheckKindTag = "orchestrator.health_check.kind";

    /// <summary>
    /// How often the orchestrator exports, in milliseconds, unless <c>OTEL_BSP_SCHEDULE_DELAY</c>,
    /// <c>OTEL_BLRP_SCHEDULE_DELAY</c> or <c>OTEL_METRIC_EXPORT_INTERVAL</c> say otherwise: the same
    /// development setting its replicas get, so that its telemetry shows up while a developer watches.
    /// </summary>
    public const int ExportIntervalMilliseconds = 1000;
}
