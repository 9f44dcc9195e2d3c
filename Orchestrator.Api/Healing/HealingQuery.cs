namespace Orchestrator.Api.Healing;

/// <summary>Which healing records to read; the newest come first.</summary>
/// <param name="Resource">Only this resource's records, or every resource's.</param>
/// <param name="Since">Only records at or after this time.</param>
/// <param name="Until">Only records before this time.</param>
/// <param name="Limit">At most this many records (clamped to 1..<see cref="HealingDefaults.JournalMaxQueryLimit"/>).</param>
public sealed record HealingQuery(
    string? Resource = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null, int Limit = HealingDefaults.JournalQueryLimit);
