using System.Text.Json.Serialization;

namespace Orchestrator.Api.Streaming;

/// <summary>One output line of a replica whose logs the client subscribed to.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica that printed it.</param>
/// <param name="Timestamp">When it was read.</param>
/// <param name="Stream"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The line, without its line break.</param>
public sealed record LogMessage(string Resource, string Replica, DateTimeOffset Timestamp, string Stream, string Text)
{
    /// <summary>Always <c>log</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type => StreamMessageTypes.Log;
}
