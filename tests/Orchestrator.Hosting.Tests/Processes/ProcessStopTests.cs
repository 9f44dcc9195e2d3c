using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

[Trait("Category", "Integration")]
public sealed class ProcessStopTests
{
    // A program that says it is ready, then waits in short sleeps so a trap runs promptly.
    private const string WaitLoop = "echo ready; while :; do sleep 0.05; done";

    [Fact]
    public async Task Stop_lets_a_program_that_traps_TERM_exit_gracefully()
    {
        using var directory = new TempDirectory();
        var logFile = Path.Combine(directory.Path, "test-0.log");
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(
            TestSpecs.Bash($"trap 'echo cleaning up; exit 0' TERM; {WaitLoop}") with { LogFilePath = logFile });
        Assert.True(await TestSpecs.PrintedAsync(handle, "ready"));

        var exit = await handle.StopAsync().WaitAsync(TestSpecs.Patience);

        Assert.Equal(0, exit.ExitCode);
        Assert.True(exit.StopRequested);
        Assert.Contains("[out] cleaning up", await File.ReadAllTextAsync(logFile));
    }

    [Fact]
    public async Task Stop_sends_the_specs_stop_signal()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(
            TestSpecs.Bash($"trap 'echo got INT; exit 0' INT; {WaitLoop}") with { StopSignal = ProcessSignal.Interrupt });
        Assert.True(await TestSpecs.PrintedAsync(handle, "ready"));

        var exit = await handle.StopAsync().WaitAsync(TestSpecs.Patience);

        Assert.Equal(0, exit.ExitCode);
        Assert.Contains(handle.GetLogTail(10), l => l.Text == "got INT");
    }

    [Fact]
    public async Task Stop_kills_a_program_that_ignores_TERM_after_the_grace_period()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(
            TestSpecs.Bash($"trap '' TERM; {WaitLoop}") with { StopGracePeriod = TimeSpan.FromMilliseconds(300) });
        Assert.True(await TestSpecs.PrintedAsync(handle, "ready"));

        var exit = await handle.StopAsync().WaitAsync(TestSpecs.Patience);

        Assert.Equal(137, exit.ExitCode);
        Assert.True(exit.StopRequested);
        Assert.True(await Eventually.TrueAsync(() => !ProcTable.IsAlive(handle.ProgramProcessId), TestSpecs.Patience));
    }

    [Fact]
    public async Task Stop_leaves_no_grandchildren_behind()
    {
        await using var runner = new ProcessGroupRunner();
        // One grandchild dies of the TERM; the other ignores it and outlives its parent, until the group is killed.
        await using var handle = await runner.StartAsync(TestSpecs.Bash("sleep 1000 & (trap '' TERM; sleep 1000) & echo ready; wait"));
        Assert.True(await TestSpecs.PrintedAsync(handle, "ready"));
        Assert.True(ProcTable.LivingMembersOf(handle.ProcessId).Count >= 3, "bash and the sleeps run in the group");

        await handle.StopAsync().WaitAsync(TestSpecs.Patience);

        Assert.True(await Eventually.TrueAsync(() => ProcTable.LivingMembersOf(handle.ProcessId).Count == 0, TestSpecs.Patience));
    }

    [Fact]
    public async Task Stop_twice_returns_the_same_exit()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Program("sleep", "1000"));

        var first = handle.StopAsync();
        var second = handle.StopAsync();

        Assert.Same(await first.WaitAsync(TestSpecs.Patience), await second.WaitAsync(TestSpecs.Patience));
    }

    [Fact]
    public async Task Stop_after_the_program_exited_returns_its_exit_without_a_stop_request()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Bash("exit 4"));
        await handle.Exited.WaitAsync(TestSpecs.Patience);

        var exit = await handle.StopAsync().WaitAsync(TestSpecs.Patience);

        Assert.Equal(4, exit.ExitCode);
        Assert.False(exit.StopRequested);
    }

    [Fact]
    public async Task Cancelling_a_stop_kills_the_group_at_once()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(
            TestSpecs.Bash($"trap '' TERM; {WaitLoop}") with { StopGracePeriod = TimeSpan.FromMinutes(5) });
        Assert.True(await TestSpecs.PrintedAsync(handle, "ready"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handle.StopAsync(cancel.Token));

        var exit = await handle.Exited.WaitAsync(TestSpecs.Patience);
        Assert.Equal(137, exit.ExitCode);
    }

    [Fact]
    public async Task Dispose_stops_a_running_process()
    {
        await using var runner = new ProcessGroupRunner();
        var handle = await runner.StartAsync(TestSpecs.Program("sleep", "1000"));

        await handle.DisposeAsync();

        Assert.True(handle.Exited.IsCompleted);
        Assert.True((await handle.Exited).StopRequested);
        Assert.False(ProcTable.IsAlive(handle.ProgramProcessId));
    }
}
