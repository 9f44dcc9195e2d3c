namespace Orchestrator.Api.Monitoring;

/// <summary>Reads the use of the file system a path lives on, so that the host sampler can be fed fixed numbers in tests.</summary>
public interface IDiskUsageReader
{
    /// <summary>The use of the file system <paramref name="path"/> lives on, or null when it cannot be read.</summary>
    DiskUsage? Read(string path);
}
