using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

[Trait("Category", "Integration")]
public sealed class ChildExitWatcherTests
{
    [Fact]
    public async Task A_child_reaped_before_its_pidfd_was_opened_has_an_unknown_exit_at_once()
    {
        using var watcher = new ChildExitWatcher("test-watcher", TimeSpan.FromSeconds(1), TimeProvider.System, NullLogger.Instance);

        Assert.Null(await watcher.Watch(12345, pidFd: null).WaitAsync(TestSpecs.Patience));
    }

    [Fact]
    public async Task Reports_the_exit_code_and_closes_the_pidfd()
    {
        using var watcher = new ChildExitWatcher("test-watcher", TimeSpan.FromSeconds(1), TimeProvider.System, NullLogger.Instance);
        var child = Spawn("bash", "-c", "exit 7");

        var exitCode = await watcher.Watch(child.ProcessId, child.PidFd).WaitAsync(TestSpecs.Patience);

        Assert.Equal(7, exitCode);
        Assert.True(child.PidFd!.IsClosed);
        Assert.False(Directory.Exists($"/proc/{child.ProcessId}"), "reaped, not a zombie");
    }

    [Fact]
    public async Task Once_disposed_it_waits_for_a_child_no_longer_than_its_reap_timeout()
    {
        var watcher = new ChildExitWatcher("test-watcher", TimeSpan.FromMilliseconds(100), TimeProvider.System, NullLogger.Instance);
        var child = Spawn("sleep", "1000");
        try
        {
            var exit = watcher.Watch(child.ProcessId, child.PidFd);

            watcher.Dispose();

            Assert.Null(await exit.WaitAsync(TestSpecs.Patience));
            Assert.True(child.PidFd!.IsClosed);
        }
        finally
        {
            LibC.SignalGroup(child.ProcessId, (int)ProcessSignal.Kill);
            PidFd.Reap(child.ProcessId);
        }
    }

    // Spawned on the test's thread: fine for a child that does not outlive the test.
    private static SpawnedProcess Spawn(string program, params string[] arguments)
    {
        var path = ProcessGroupCommand.Find(program);
        var child = NativeSpawn.Spawn(new SpawnRequest(path, [path, .. arguments], [], Path.GetTempPath()));
        child.StandardOutput.Dispose();
        child.StandardError.Dispose();
        return child;
    }
}
