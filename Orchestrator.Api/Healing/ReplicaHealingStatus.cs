using System.Collections.Immutable;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Healing;

/// <summary>One replica's healing, as the API shows it.</summary>
/// <param name="Replica">The replica (<c>catalog-0</c>).</param>
/// <param name="Phase">Where it is in its healing.</param>
/// <param name="Attempt">The failures counted on its current ladder (0: none).</param>
public sealed record ReplicaHealingStatus(string Replica, ReplicaHealingPhase Phase, int Attempt)
{
    /// <summary>The tier of the current or last scheduled restart, from 1.</summary>
    public int? Tier { get; init; }

    /// <summary>What the current or last scheduled restart does.</summary>
    public RestartAction? Action { get; init; }

    /// <summary>When the scheduled restart is due, while one is.</summary>
    public DateTimeOffset? NextRestartAt { get; init; }

    /// <summary>The dependency it waits for, while it waits for one.</summary>
    public string? WaitingFor { get; init; }

    /// <summary>When it last failed.</summary>
    public DateTimeOffset? LastFailureAt { get; init; }

    /// <summary>The exit code of its last process, when it exited.</summary>
    public int? LastExitCode { get; init; }

    /// <summary>Why it is quarantined, while it is.</summary>
    public string? QuarantineReason { get; init; }

    /// <summary>When it was quarantined, while it is.</summary>
    public DateTimeOffset? QuarantinedAt { get; init; }

    /// <summary>The resource's last output lines when it was quarantined (empty otherwise).</summary>
    public ImmutableArray<string> LastLogLines { get; init; } = [];
}
