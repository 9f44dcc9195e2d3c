using System.Diagnostics;
using System.Globalization;
using Orchestrator.Hosting.Postgres;

namespace Orchestrator.Hosting.Tests.Postgres;

public sealed class PostmasterLockTests : IDisposable
{
    private readonly string _cluster = Directory.CreateTempSubdirectory().FullName;

    public void Dispose() => Directory.Delete(_cluster, recursive: true);

    [Fact]
    public async Task Removes_the_lock_of_a_server_that_is_gone()
    {
        WriteLock(await DeadProcessIdAsync());

        var (removed, holder) = PostmasterLock.RemoveIfStale(_cluster);

        Assert.True(removed);
        Assert.Null(holder);
        Assert.False(File.Exists(LockPath));
    }

    [Fact]
    public void Removes_the_lock_when_its_process_id_now_belongs_to_another_program()
    {
        WriteLock(Environment.ProcessId);

        var (removed, _) = PostmasterLock.RemoveIfStale(_cluster);

        Assert.True(removed);
        Assert.False(File.Exists(LockPath));
    }

    [Fact]
    public void Removes_a_lock_it_cannot_read()
    {
        File.WriteAllText(LockPath, "garbage\n");

        var (removed, _) = PostmasterLock.RemoveIfStale(_cluster);

        Assert.True(removed);
    }

    [Fact]
    public void Does_nothing_without_a_lock()
    {
        Assert.Equal((false, (int?)null), PostmasterLock.RemoveIfStale(_cluster));
    }

    private string LockPath => Path.Combine(_cluster, PostmasterLock.FileName);

    private void WriteLock(int processId) =>
        File.WriteAllText(LockPath, $"{processId.ToString(CultureInfo.InvariantCulture)}\n{_cluster}\n1700000000\n5432\n");

    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start("true");
        await process.WaitForExitAsync();
        return process.Id;
    }
}
