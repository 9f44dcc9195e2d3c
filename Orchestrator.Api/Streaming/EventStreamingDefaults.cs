namespace Orchestrator.Api.Streaming;

/// <summary>Every default number of the WebSocket event stream, in one place.</summary>
public static class EventStreamingDefaults
{
    /// <summary>How many messages may wait for one client before it counts as too slow: 1024.</summary>
    public const int SendQueueCapacity = 1024;

    /// <summary>The time between two <c>usage</c> messages: 5 s.</summary>
    public static readonly TimeSpan UsageInterval = TimeSpan.FromSeconds(5);

    /// <summary>How long a closing handshake may take before the socket is aborted: 2 s.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The largest message a client may send: 4 KiB (its messages are small commands).</summary>
    public const int MaxClientMessageBytes = 4096;
}
