using System.Text.Json.Serialization;

namespace Orchestrator.Api.Streaming;

/// <summary>The client sent something the stream cannot act on; the connection stays open.</summary>
public sealed record ErrorMessage(string Message)
{
    /// <summary>Always <c>error</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type => StreamMessageTypes.Error;
}
