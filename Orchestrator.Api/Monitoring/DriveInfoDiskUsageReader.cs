namespace Orchestrator.Api.Monitoring;

/// <summary>Reads disk use with <see cref="DriveInfo"/> (statvfs on Linux), from the nearest existing directory of the path.</summary>
public sealed class DriveInfoDiskUsageReader : IDiskUsageReader
{
    /// <inheritdoc />
    public DiskUsage? Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // The state directory may not exist yet; its parent lives on the same file system in practice.
        var directory = Path.GetFullPath(path);
        while (!Directory.Exists(directory))
        {
            directory = Path.GetDirectoryName(directory);
            if (directory is null)
            {
                return null;
            }
        }

        try
        {
            var drive = new DriveInfo(directory);
            return new DiskUsage(drive.TotalSize, drive.TotalFreeSpace, drive.AvailableFreeSpace);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
