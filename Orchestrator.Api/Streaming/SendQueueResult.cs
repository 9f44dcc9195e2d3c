namespace Orchestrator.Api.Streaming;

/// <summary>What became of a message offered to a client's <see cref="SendQueue"/>.</summary>
internal enum SendQueueResult
{
    /// <summary>It waits to be sent.</summary>
    Queued,

    /// <summary>The queue was full: the client fell behind. Returned once; the queue is closed from then on.</summary>
    Overflowed,

    /// <summary>The queue is closed (the client fell behind earlier, or is leaving): the message is dropped.</summary>
    Closed,
}
