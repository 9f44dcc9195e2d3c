using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

[Trait("Category", "Integration")]
public sealed class ProcessExitTests
{
    [Fact]
    public async Task Passes_the_programs_exit_code_through()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Bash("exit 3"));

        var exit = await handle.Exited.WaitAsync(TestSpecs.Patience);

        Assert.Equal(3, exit.ExitCode);
        Assert.False(exit.StopRequested);
    }

    [Fact]
    public async Task Observes_a_SIGKILL_of_the_program_as_an_exit_with_code_137()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Program("sleep", "1000"));

        Process(handle.ProgramProcessId).Kill();
        var exit = await handle.Exited.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(137, exit.ExitCode);
        Assert.False(exit.StopRequested);
    }

    [Theory]
    [InlineData(ProcessSignal.Interrupt)]
    [InlineData(ProcessSignal.Quit)]
    [InlineData(ProcessSignal.Terminate)]
    public async Task Reports_128_plus_the_signal_that_ended_the_program_even_right_after_the_start(ProcessSignal signal)
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Program("sleep", "1000"));

        handle.Signal(signal);
        var exit = await handle.Exited.WaitAsync(TestSpecs.Patience);

        Assert.Equal(128 + (int)signal, exit.ExitCode);
        Assert.False(exit.StopRequested);
    }

    [Fact]
    public async Task Runs_the_program_as_the_leader_of_its_own_process_group_with_no_wrapper_between()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Program("sleep", "1000"));

        Assert.Equal(handle.ProcessId, handle.ProgramProcessId);
        Assert.True(await Eventually.TrueAsync(() => ReadCommand(handle.ProgramProcessId) == "sleep", TestSpecs.Patience));
        Assert.Equal(handle.ProcessId, ProcTable.GroupOf(handle.ProgramProcessId));
        Assert.Equal(Environment.ProcessId, ProcTable.ParentOf(handle.ProgramProcessId));
    }

    [Fact]
    public async Task Kills_what_the_program_left_in_its_group_when_it_exits_by_itself()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Bash("sleep 1000 & echo $!; exit 0"));
        Assert.True(await Eventually.TrueAsync(() => handle.GetLogTail(10).Count > 0, TestSpecs.Patience));
        var leftover = int.Parse(handle.GetLogTail(10)[0].Text, System.Globalization.CultureInfo.InvariantCulture);

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        Assert.True(await Eventually.TrueAsync(() => !ProcTable.IsAlive(leftover), TestSpecs.Patience));
    }

    // The pid is known before the exec into the program completes: until then it is still the shell.
    private static string ReadCommand(int pid) => File.ReadAllText($"/proc/{pid}/comm").Trim();

    private static System.Diagnostics.Process Process(int pid) => System.Diagnostics.Process.GetProcessById(pid);
}
