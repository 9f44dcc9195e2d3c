using System.Globalization;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

/// <summary>What a replica inherits from the AppHost through posix_spawn, and what it must not.</summary>
[Trait("Category", "Integration")]
public sealed class SpawnTests
{
    private const int HangUp = 1;
    private const int BrokenPipe = 13;
    private const int Terminate = 15;

    // Signals 1 to 31; glibc's posix_spawn leaves its internal 32 and 33 ignored in every child (a glibc program handles them itself).
    private const ulong StandardSignals = 0x7FFF_FFFF;

    [Fact]
    public async Task Starts_the_program_with_no_signal_ignored_or_blocked_though_the_AppHost_ignores_SIGPIPE()
    {
        // .NET ignores SIGPIPE in its own process; an ignored signal survives exec unless the spawn resets it.
        Assert.NotEqual(0UL, ProcTable.SignalMask(Environment.ProcessId, "SigIgn") & Bit(BrokenPipe));
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Program("sleep", "1000"));

        Assert.Equal(0UL, ProcTable.SignalMask(handle.ProgramProcessId, "SigIgn") & StandardSignals);
        Assert.Equal(0UL, ProcTable.SignalMask(handle.ProgramProcessId, "SigBlk"));
    }

    [Fact]
    public async Task A_replica_of_an_AppHost_started_with_the_stop_signals_ignored_still_dies_of_SIGTERM()
    {
        using var host = ProcessTestHostLauncher.Start(["1", "sleep", "1000"], ignoredSignals: "HUP INT QUIT TERM");
        int program;
        try
        {
            var line = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            program = int.Parse(line!.Split(' ')[1], CultureInfo.InvariantCulture);
            Assert.NotEqual(0UL, ProcTable.SignalMask(host.Id, "SigIgn") & Bit(HangUp));
            Assert.Equal(0UL, ProcTable.SignalMask(program, "SigIgn") & StandardSignals);

            LibC.SignalProcess(program, Terminate);

            Assert.True(await Eventually.TrueAsync(() => !ProcTable.IsAlive(program), TestSpecs.Patience), "SIGTERM ended the replica");
        }
        finally
        {
            host.Kill();
            await host.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task An_AppHost_started_with_SIGCHLD_ignored_still_sees_the_exit()
    {
        // .NET then reaps every child itself; the runner may lose the race for the exit code, never the exit.
        using var host = ProcessTestHostLauncher.Start(["--exit", "bash", "-c", "exit 3"], ignoredSignals: "CHLD");
        try
        {
            var line = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Contains(line, new[] { "exit 3", $"exit {ProcessExit.UnknownExitCode}" });
        }
        finally
        {
            host.Kill();
            await host.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task The_program_reads_dev_null_as_its_standard_input()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Program("readlink", "/proc/self/fd/0"));

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        Assert.Equal("/dev/null", Assert.Single(handle.GetLogTail(10)).Text);
    }

    [Fact]
    public async Task The_program_inherits_only_its_standard_descriptors()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Program("ls", "/proc/self/fd"));

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        // 0, 1, 2, and 3: the directory ls itself is reading.
        Assert.Equal(["0", "1", "2", "3"], handle.GetLogTail(10).Select(l => l.Text));
    }

    private static ulong Bit(int signal) => 1UL << (signal - 1);
}
