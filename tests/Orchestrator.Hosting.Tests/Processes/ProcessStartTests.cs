using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

[Trait("Category", "Integration")]
public sealed class ProcessStartTests
{
    [Fact]
    public async Task A_program_not_on_PATH_gives_an_exception_naming_it()
    {
        await using var runner = new ProcessGroupRunner();

        var error = await Assert.ThrowsAsync<ProcessStartException>(() => runner.StartAsync(TestSpecs.Program("no-such-program-xyz")));

        Assert.Contains("no-such-program-xyz", error.Message);
        Assert.Equal(0, runner.RunningCount);
    }

    [Fact]
    public async Task A_program_path_that_does_not_exist_gives_an_exception_naming_it()
    {
        await using var runner = new ProcessGroupRunner();

        var error = await Assert.ThrowsAsync<ProcessStartException>(() => runner.StartAsync(TestSpecs.Program("/opt/nowhere/server")));

        Assert.Contains("/opt/nowhere/server", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_executable_gives_an_exception_naming_it()
    {
        using var directory = new TempDirectory();
        var script = Path.Combine(directory.Path, "run.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho hi\n");
        await using var runner = new ProcessGroupRunner();

        var error = await Assert.ThrowsAsync<ProcessStartException>(() => runner.StartAsync(TestSpecs.Program(script)));

        Assert.Contains("not executable", error.Message);
    }

    [Fact]
    public async Task A_missing_working_directory_gives_an_exception_naming_it()
    {
        await using var runner = new ProcessGroupRunner();
        var spec = TestSpecs.Program("true") with { WorkingDirectory = "/tmp/no-such-directory-xyz" };

        var error = await Assert.ThrowsAsync<ProcessStartException>(() => runner.StartAsync(spec));

        Assert.Contains("/tmp/no-such-directory-xyz", error.Message);
    }

    [Fact]
    public async Task Finds_a_relative_program_path_from_the_working_directory()
    {
        using var directory = new TempDirectory();
        var script = Path.Combine(directory.Path, "bin", "run.sh");
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho relative works\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Program("./bin/run.sh") with { WorkingDirectory = directory.Path });

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        Assert.Equal("relative works", Assert.Single(handle.GetLogTail(10)).Text);
    }

    [Fact]
    public async Task Runs_in_the_working_directory()
    {
        using var directory = new TempDirectory();
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Program("pwd") with { WorkingDirectory = directory.Path });

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        Assert.Equal(directory.Path, Assert.Single(handle.GetLogTail(10)).Text);
    }

    [Fact]
    public async Task Sets_variables_on_top_of_the_inherited_environment_and_removes_the_listed_ones()
    {
        Environment.SetEnvironmentVariable("RUNNER_TEST_SECRET", "hush");
        await using var runner = new ProcessGroupRunner();
        var spec = TestSpecs.Bash(
            "echo \"set=$RUNNER_TEST_VALUE\"; echo \"removed=${RUNNER_TEST_SECRET-unset}\"; echo \"inherited=${HOME:+yes}\"",
            new Dictionary<string, string> { ["RUNNER_TEST_VALUE"] = "42" }) with { RemovedVariables = ["RUNNER_TEST_SECRET"] };
        await using var handle = await runner.StartAsync(spec);

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        Assert.Equal(["set=42", "removed=unset", "inherited=yes"], handle.GetLogTail(10).Select(l => l.Text));
    }

    [Fact]
    public async Task Runs_as_the_given_user_when_the_AppHost_is_root()
    {
        var ownUid = (await File.ReadAllLinesAsync("/proc/self/status")).Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[2];
        var postgresUid = (await File.ReadAllLinesAsync("/etc/passwd")).Select(l => l.Split(':')).Single(f => f[0] == "postgres")[2];
        await using var runner = new ProcessGroupRunner();
        await using var handle = await runner.StartAsync(TestSpecs.Program("id", "-u") with { RunAsUser = "postgres" });

        await handle.Exited.WaitAsync(TestSpecs.Patience);

        // An unprivileged AppHost cannot change user and runs the program as itself.
        Assert.Equal(ownUid == "0" ? postgresUid : ownUid, Assert.Single(handle.GetLogTail(10)).Text);
    }

    [Fact]
    public async Task An_unknown_user_gives_an_exception_naming_it_when_root()
    {
        if ((await File.ReadAllTextAsync("/proc/self/status")).Contains("Uid:\t0\t", StringComparison.Ordinal) is false)
        {
            return;
        }

        await using var runner = new ProcessGroupRunner();

        var error = await Assert.ThrowsAsync<ProcessStartException>(
            () => runner.StartAsync(TestSpecs.Program("true") with { RunAsUser = "no-such-user-xyz" }));

        Assert.Contains("no-such-user-xyz", error.Message);
    }

    [Fact]
    public async Task A_process_outlives_the_thread_that_asked_for_it()
    {
        // The parent-death signal follows the forking thread: a child forked on the caller's thread
        // would be killed by its wrapper as soon as that thread ends.
        await using var runner = new ProcessGroupRunner();
        IProcessHandle? handle = null;
        string? callerTask = null;
        var caller = new Thread(() =>
        {
            callerTask = "/proc/" + new FileInfo("/proc/thread-self").LinkTarget;
            handle = runner.StartAsync(TestSpecs.Program("sleep", "1000")).GetAwaiter().GetResult();
        });
        caller.Start();
        caller.Join();
        await using var started = handle!;
        Assert.True(await Eventually.TrueAsync(() => !Directory.Exists(callerTask), TestSpecs.Patience), "the caller's OS thread has ended");

        var killed = await Eventually.TrueAsync(() => !ProcTable.IsAlive(started.ProgramProcessId), TimeSpan.FromMilliseconds(300));

        Assert.False(killed);
    }
}
