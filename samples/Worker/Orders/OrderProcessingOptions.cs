namespace Worker.Orders;

/// <summary>How the worker polls for orders; bound from the <c>OrderProcessing</c> configuration section.</summary>
public sealed record OrderProcessingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "OrderProcessing";

    /// <summary>How often to look for pending orders (2 seconds by default).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many orders one transaction claims at most (10 by default).</summary>
    public int BatchSize { get; init; } = 10;
}
