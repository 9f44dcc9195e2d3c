namespace Orchestrator.Api.Streaming;

/// <summary>How the WebSocket event stream serves its clients. Defaults are in <see cref="EventStreamingDefaults"/>.</summary>
public sealed record EventStreamingOptions
{
    /// <summary>
    /// How many messages may wait for one client. A client whose queue is full has fallen behind: it
    /// is closed with 1008 ("too slow") rather than slowing the orchestrator or the other clients.
    /// </summary>
    public int SendQueueCapacity { get; init; } = EventStreamingDefaults.SendQueueCapacity;

    /// <summary>The time between two <c>usage</c> messages (CPU and memory of every replica).</summary>
    public TimeSpan UsageInterval { get; init; } = EventStreamingDefaults.UsageInterval;

    /// <summary>How long a closing handshake may take before the socket is aborted.</summary>
    public TimeSpan CloseTimeout { get; init; } = EventStreamingDefaults.CloseTimeout;

    /// <summary>The largest message a client may send; a larger one gets an <c>error</c> message.</summary>
    public int MaxClientMessageBytes { get; init; } = EventStreamingDefaults.MaxClientMessageBytes;

    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SendQueueCapacity, 1, nameof(SendQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(UsageInterval, TimeSpan.Zero, nameof(UsageInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CloseTimeout, TimeSpan.Zero, nameof(CloseTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxClientMessageBytes, 64, nameof(MaxClientMessageBytes));
    }
}
