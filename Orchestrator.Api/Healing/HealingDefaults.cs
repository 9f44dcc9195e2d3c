namespace Orchestrator.Api.Healing;

/// <summary>
/// Every default number of healing outside the restart ladder (whose defaults are in
/// <see cref="Orchestrator.Hosting.ApplicationModel.RestartPolicyDefaults"/>), in one place.
/// </summary>
public static class HealingDefaults
{
    /// <summary>The share of failed restarts in the sampling window that opens the circuit: all of them.</summary>
    public const double CircuitFailureRatio = 1.0;

    /// <summary>How many restarts the sampling window must hold before the circuit may open.</summary>
    public const int CircuitMinimumThroughput = 3;

    /// <summary>The window in which failed restarts are counted.</summary>
    public static readonly TimeSpan CircuitSamplingDuration = TimeSpan.FromMinutes(2);

    /// <summary>How long restarts pause once the circuit opens, before one half-open try.</summary>
    public static readonly TimeSpan CircuitBreakDuration = TimeSpan.FromSeconds(60);

    /// <summary>How long a restarted replica may take from start to healthy, unless the resource says otherwise with <c>WithStartTimeout</c>.</summary>
    public static readonly TimeSpan RestartStartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How many of a quarantined resource's last output lines its quarantine reason and status carry.</summary>
    public const int QuarantineLogTailLines = 20;

    /// <summary>The journal's file name inside the state directory.</summary>
    public const string JournalFileName = "healing.db";

    /// <summary>How long the journal keeps a record.</summary>
    public static readonly TimeSpan JournalMaxAge = TimeSpan.FromDays(30);

    /// <summary>How many records the journal keeps at most.</summary>
    public const int JournalMaxRows = 100_000;

    /// <summary>How many appends go by between two prunes of the journal.</summary>
    public const int JournalPruneEveryAppends = 100;

    /// <summary>How many records a query returns when it does not say.</summary>
    public const int JournalQueryLimit = 100;

    /// <summary>How many records one query may return at most.</summary>
    public const int JournalMaxQueryLimit = 10_000;
}
