namespace Orchestrator.Api.Streaming;

/// <summary>What a client asked for: <c>{ "action": "subscribe-logs", "resource": "catalog", "replica": null }</c>.</summary>
/// <param name="Action"><see cref="SubscribeLogs"/> or <see cref="UnsubscribeLogs"/>.</param>
/// <param name="Resource">The resource whose logs.</param>
/// <param name="Replica">One replica (<c>catalog-0</c>), or null for all of them.</param>
internal sealed record ClientCommand(string Action, string Resource, string? Replica)
{
    public const string SubscribeLogs = "subscribe-logs";
    public const string UnsubscribeLogs = "unsubscribe-logs";
}
