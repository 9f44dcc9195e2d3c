using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Healing;

/// <summary>One line of the healing history: a detection or an action, written before it is acted on.</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica (<c>catalog-0</c>), or null for the whole resource (a circuit change).</param>
/// <param name="Kind">What happened.</param>
public sealed record HealingRecord(DateTimeOffset Timestamp, string Resource, string? Replica, HealingRecordKind Kind)
{
    /// <summary>The journal's id, increasing with each append; 0 before the record is appended.</summary>
    public long Id { get; init; }

    /// <summary>The ladder attempt, from 1, when there is one.</summary>
    public int? Attempt { get; init; }

    /// <summary>The ladder tier, from 1, when there is one.</summary>
    public int? Tier { get; init; }

    /// <summary>What the tier does, when there is one.</summary>
    public RestartAction? Action { get; init; }

    /// <summary>The delay before a scheduled restart, or a circuit's break duration.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>A sentence for people: the exit code, the reason, the dependency.</summary>
    public string? Message { get; init; }
}
