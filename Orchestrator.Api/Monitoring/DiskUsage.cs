namespace Orchestrator.Api.Monitoring;

/// <summary>The size and free space of one file system.</summary>
/// <param name="TotalBytes">Its size.</param>
/// <param name="FreeBytes">Its free space, the part reserved for root included.</param>
/// <param name="AvailableBytes">The free space an ordinary user may use.</param>
public sealed record DiskUsage(long TotalBytes, long FreeBytes, long AvailableBytes)
{
    /// <summary>The space in use.</summary>
    public long UsedBytes => TotalBytes - FreeBytes;

    /// <summary>The space in use in percent, the way <c>df</c> counts it (reserved blocks excluded), or null for an empty file system.</summary>
    public double? UsedPercent => UsedBytes + AvailableBytes is > 0 and var usable ? 100.0 * UsedBytes / usable : null;
}
