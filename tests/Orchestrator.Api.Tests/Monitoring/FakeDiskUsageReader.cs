using Orchestrator.Api.Monitoring;

namespace Orchestrator.Api.Tests.Monitoring;

/// <summary>Disk use as the test sets it, for any path.</summary>
internal sealed class FakeDiskUsageReader : IDiskUsageReader
{
    public DiskUsage? Usage { get; set; }

    public string? LastPath { get; private set; }

    public DiskUsage? Read(string path)
    {
        LastPath = path;
        return Usage;
    }
}
