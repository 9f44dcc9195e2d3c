using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;
using static Orchestrator.Api.Telemetry.OrchestratorTelemetryDefaults;

namespace Orchestrator.Api.Telemetry;

/// <summary>
/// What the launcher and the healer call to be observed: spans for the launch, each phase and each resource start;
/// one span per healing action, linked to the failure that caused it; and the orchestrator's metrics. Every call is
/// cheap when nothing listens: no span is created without a listener, and without a meter factory there are no instruments.
/// </summary>
public sealed class OrchestratorInstrumentation
{
    // One source for the process, as .NET advises: listeners subscribe by name, and a source per instance would only
    // add registrations to the process-wide list.
    private static readonly ActivitySource Source = new(ActivitySourceName);

    // The span of each replica's latest failure, so that the healing actions it causes link to it.
    private readonly ConcurrentDictionary<string, ActivityContext> _failures = new(StringComparer.Ordinal);
    private readonly OrchestratorMeters? _meters;

    /// <summary>Spans only, no metrics: what the launcher and healer use when the orchestrator's telemetry is not registered.</summary>
    public OrchestratorInstrumentation()
    {
    }

    /// <summary>Spans and metrics; the instruments are created by <paramref name="meterFactory"/>, so they belong to its host.</summary>
    /// <param name="meterFactory">The host's meter factory.</param>
    /// <param name="notifications">The replicas' snapshots, counted by state for the <see cref="OrchestratorTelemetryDefaults.ResourcesMetric"/> gauge.</param>
    public OrchestratorInstrumentation(IMeterFactory meterFactory, ResourceNotificationService notifications)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(notifications);
        _meters = new OrchestratorMeters(meterFactory, notifications);
    }

    /// <summary>The span of a whole launch; its phases are its children.</summary>
    public Activity? StartLaunch(int resources, int phases)
    {
        var activity = Source.StartActivity("launch");
        activity?.SetTag("orchestrator.launch.resources", resources);
        activity?.SetTag("orchestrator.launch.phases", phases);
        return activity;
    }

    /// <summary>Ends the launch's span and records its duration with how it ended (<c>started</c>, <c>degraded</c>, <c>failed</c>, <c>cancelled</c>).</summary>
    public void LaunchEnded(Activity? launch, TimeSpan elapsed, string outcome, string? error = null)
    {
        launch?.SetTag(OutcomeTag, outcome);
        if (error is not null)
        {
            launch?.SetStatus(ActivityStatusCode.Error, error);
        }

        _meters?.LaunchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(OutcomeTag, outcome));
    }

    /// <summary>The span of one phase of the launch; its resource starts are its children.</summary>
    public Activity? StartPhase(int number, IEnumerable<string> resources)
    {
        var activity = Source.StartActivity($"phase {number}");
        activity?.SetTag("orchestrator.phase", number);
        activity?.SetTag("orchestrator.phase.resources", resources.ToArray());
        return activity;
    }

    /// <summary>The span of one resource's start, from start to healthy (every replica).</summary>
    public Activity? StartResource(string resource, int phase)
    {
        var activity = Source.StartActivity($"start {resource}");
        activity?.SetTag(ResourceTag, resource);
        activity?.SetTag("orchestrator.phase", phase);
        return activity;
    }

    /// <summary>
    /// Records a replica's failure as a span of its own, a root: the healing actions it causes are separate spans
    /// (a restart can come minutes later) that link to it.
    /// </summary>
    public void FailureDetected(string resource, string replica, int? exitCode, string reason)
    {
        using var activity = StartRoot($"failure {replica}", resource, replica, links: null);
        if (activity is null)
        {
            return;
        }

        if (exitCode is { } code)
        {
            activity.SetTag("process.exit.code", code);
        }

        activity.SetTag("orchestrator.failure.reason", reason);
        activity.SetStatus(ActivityStatusCode.Error, reason);
        _failures[replica] = activity.Context;
    }

    /// <summary>
    /// The span of one restart of a replica (<c>restart</c>, <c>graceful restart</c>, <c>dependency restart</c>),
    /// linked to the replica's latest failure; counts the restart under its tier (<c>none</c> when it does not count on the ladder).
    /// </summary>
    public Activity? StartRestart(string resource, string replica, int attempt, int? tier, RestartAction action)
    {
        var tierText = tier?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        _meters?.Restarts.Add(1,
            new KeyValuePair<string, object?>(ResourceTag, resource),
            new KeyValuePair<string, object?>(TierTag, tierText),
            new KeyValuePair<string, object?>(ActionTag, action.ToString()));
        var name = action switch
        {
            RestartAction.Graceful => "graceful restart",
            RestartAction.RestartDependencies => "dependency restart",
            _ => "restart",
        };
        var activity = StartRoot($"{name} {replica}", resource, replica, FailureLink(replica));
        activity?.SetTag(AttemptTag, attempt);
        activity?.SetTag(TierTag, tierText);
        activity?.SetTag(ActionTag, action.ToString());
        return activity;
    }

    /// <summary>The span of a replica's quarantine, linked to the failure that exhausted its ladder; counts the quarantine.</summary>
    public Activity? StartQuarantine(string resource, string replica, int attempt)
    {
        _meters?.Quarantines.Add(1, new KeyValuePair<string, object?>(ResourceTag, resource));
        var activity = StartRoot($"quarantine {replica}", resource, replica, FailureLink(replica));
        activity?.SetTag(AttemptTag, attempt);
        return activity;
    }

    /// <summary>Marks <paramref name="activity"/> failed with <paramref name="reason"/>; nothing when either is null.</summary>
    public static void Failed(Activity? activity, string? reason)
    {
        if (reason is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, reason);
        }
    }

    /// <summary>Records one health check's duration.</summary>
    public void HealthCheckCompleted(string resource, string kind, HealthStatus status, TimeSpan duration) =>
        _meters?.HealthCheckDuration.Record(duration.TotalSeconds,
            new KeyValuePair<string, object?>(ResourceTag, resource),
            new KeyValuePair<string, object?>(CheckKindTag, kind),
            new KeyValuePair<string, object?>(OutcomeTag, status.ToString()));

    private ActivityLink[]? FailureLink(string replica) =>
        _failures.TryGetValue(replica, out var failure) ? [new ActivityLink(failure)] : null;

    // A healing loop may run under whatever span was current when it was first posted to (an API request): its spans
    // are their own traces, tied to their cause by links rather than by parentage.
    private static Activity? StartRoot(string name, string resource, string replica, ActivityLink[]? links)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = Source.StartActivity(name, ActivityKind.Internal, parentContext: default, tags: null, links: links);
        if (activity is null)
        {
            Activity.Current = previous;
            return null;
        }

        activity.SetTag(ResourceTag, resource);
        activity.SetTag(ReplicaTag, replica);
        return activity;
    }
}
