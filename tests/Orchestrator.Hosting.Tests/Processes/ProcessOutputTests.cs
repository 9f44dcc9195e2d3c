using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

[Trait("Category", "Integration")]
public sealed class ProcessOutputTests
{
    [Fact]
    public async Task Captures_stdout_lines_in_order_and_flags_stderr()
    {
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Bash("for i in 1 2 3 4 5; do echo out-$i; done; echo oops >&2"));

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        var lines = handle.GetLogTail(100);
        Assert.Equal(["out-1", "out-2", "out-3", "out-4", "out-5"], lines.Where(l => !l.IsError).Select(l => l.Text));
        Assert.Equal(["oops"], lines.Where(l => l.IsError).Select(l => l.Text));
    }

    [Fact]
    public async Task Keeps_only_the_latest_lines_in_memory()
    {
        await using var runner = new ProcessGroupRunner(new ProcessRunnerOptions { LogBufferLines = 3 });
        await using var handle = await runner.StartAsync(TestSpecs.Bash("for i in 1 2 3 4 5 6; do echo $i; done"));

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        Assert.Equal(["4", "5", "6"], handle.GetLogTail(100).Select(l => l.Text));
    }

    [Fact]
    public async Task Stamps_lines_with_the_injected_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var runner = new ProcessGroupRunner(timeProvider: clock);
        await using var handle = await runner.StartAsync(TestSpecs.Bash("echo hello"));

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        Assert.Equal(clock.Now, Assert.Single(handle.GetLogTail(10)).Timestamp);
    }

    [Fact]
    public async Task Delivers_new_lines_to_subscribers()
    {
        using var directory = new TempDirectory();
        var go = Path.Combine(directory.Path, "go");
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Bash($"while [ ! -e {go} ]; do sleep 0.01; done; echo late"));
        var received = new List<LogLine>();
        using var subscription = handle.SubscribeToLogs(line =>
        {
            lock (received)
            {
                received.Add(line);
            }
        });

        await File.WriteAllTextAsync(go, "");
        await handle.Exited.WaitAsync(TestSpecs.Patience);

        lock (received)
        {
            Assert.Equal("late", Assert.Single(received).Text);
        }
    }

    [Fact]
    public async Task Writes_output_to_the_log_file_when_a_path_is_given()
    {
        using var directory = new TempDirectory();
        var logFile = Path.Combine(directory.Path, "logs", "test-0.log");
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Bash("echo to-file; echo err-to-file >&2") with { LogFilePath = logFile });

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        var text = await File.ReadAllTextAsync(logFile);
        Assert.Contains("[out] to-file", text);
        Assert.Contains("[err] err-to-file", text);
    }

    [Fact]
    public async Task Rotates_the_log_file_when_it_passes_its_cap()
    {
        using var directory = new TempDirectory();
        var logFile = Path.Combine(directory.Path, "test-0.log");
        await using var runner = new ProcessGroupRunner(new ProcessRunnerOptions { LogFileMaxBytes = 2048 });
        await using var handle = await runner.StartAsync(
            TestSpecs.Bash("for i in $(seq 1 200); do echo line-$i-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done") with { LogFilePath = logFile });

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        Assert.InRange(new FileInfo(logFile).Length, 1, 2048);
        Assert.InRange(new FileInfo(logFile + ".1").Length, 1, 2048);
        Assert.Contains("line-200-", await File.ReadAllTextAsync(logFile));
    }

    [Fact]
    public async Task The_exit_completes_after_the_drain_timeout_when_an_escaped_process_still_holds_the_output()
    {
        await using var runner = new ProcessGroupRunner(new ProcessRunnerOptions { OutputDrainTimeout = TimeSpan.FromMilliseconds(200) });
        // setsid takes the sleep out of the group, so the group kill after the exit cannot reach it; it keeps stdout open.
        // bash exits only once the sleep leads its own session (field 6 of /proc/PID/stat).
        await using var handle = await runner.StartAsync(
            TestSpecs.Bash("setsid sleep 1000 & p=$!; until [ \"$(cut -d' ' -f6 /proc/$p/stat)\" = \"$p\" ]; do :; done; echo $p; exit 5"));
        Assert.True(await Eventually.TrueAsync(() => handle.GetLogTail(10).Count > 0, TestSpecs.Patience));
        var escaped = int.Parse(handle.GetLogTail(10)[0].Text, System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var exit = await handle.Exited.WaitAsync(TestSpecs.Patience);

            Assert.Equal(5, exit.ExitCode);
            Assert.True(ProcTable.IsAlive(escaped), "the escaped process still runs and holds the pipe");
        }
        finally
        {
            Orchestrator.Hosting.Processes.LibC.SignalProcess(escaped, (int)ProcessSignal.Kill);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now => now;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
