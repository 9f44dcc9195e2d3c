namespace Orchestrator.Api.Healing;

/// <summary>Where the healing history lives and how much of it is kept. Defaults are in <see cref="HealingDefaults"/>.</summary>
/// <param name="DatabasePath">The SQLite file; its directory is created when missing.</param>
public sealed record HealingJournalOptions(string DatabasePath)
{
    /// <summary>Records older than this are pruned; null keeps them whatever their age.</summary>
    public TimeSpan? MaxAge { get; init; } = HealingDefaults.JournalMaxAge;

    /// <summary>Only the newest this many records are kept; null keeps them all.</summary>
    public int? MaxRows { get; init; } = HealingDefaults.JournalMaxRows;

    /// <summary>The journal prunes after this many appends (and when it opens); 1 prunes on every append.</summary>
    public int PruneEveryAppends { get; init; } = HealingDefaults.JournalPruneEveryAppends;

    /// <summary>The options for a journal at <c>{stateDirectory}/healing.db</c>.</summary>
    public static HealingJournalOptions InStateDirectory(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        return new HealingJournalOptions(Path.Combine(stateDirectory, HealingDefaults.JournalFileName));
    }
}
