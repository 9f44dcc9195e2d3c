namespace Orchestrator.Api.Events;

/// <summary>How the event stream buffers for its subscribers.</summary>
public sealed record EventStreamOptions
{
    /// <summary>The default of <see cref="SubscriberCapacity"/>.</summary>
    public const int DefaultSubscriberCapacity = 1024;

    /// <summary>How many events a subscriber may fall behind before it loses the oldest.</summary>
    public int SubscriberCapacity { get; init; } = DefaultSubscriberCapacity;
}
