using System.Globalization;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

[Trait("Category", "Integration")]
public sealed class OrphanTests
{
    private static readonly TimeSpan OrphanDeadline = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(false)]
    // As a test harness or an IDE does it: SIGKILL to the AppHost and to every process found below it.
    [InlineData(true)]
    public async Task No_child_outlives_an_AppHost_killed_with_SIGKILL(bool entireProcessTree)
    {
        using var host = ProcessTestHostLauncher.Start(["3"]);
        var groups = new List<(int Program, int Group)>();
        try
        {
            while (await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line && line != "ready")
            {
                var fields = line.Split(' ');
                groups.Add((int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture)));
            }

            Assert.Equal(3, groups.Count);
            Assert.All(groups, g => Assert.True(ProcTable.IsAlive(g.Program), $"program {g.Program} runs before the kill"));
            // bash forks its sleep a moment after the start returns.
            Assert.True(
                await Eventually.TrueAsync(() => groups.All(g => ProcTable.LivingMembersOf(g.Group).Count >= 2), OrphanDeadline),
                "every group holds bash and its sleep");
        }
        finally
        {
            host.Kill(entireProcessTree);
            await host.WaitForExitAsync();
        }

        var gone = await Eventually.TrueAsync(() => groups.All(g => ProcTable.LivingMembersOf(g.Group).Count == 0), OrphanDeadline);

        Assert.True(gone, "still alive: " + string.Join(", ", groups.SelectMany(g => ProcTable.LivingMembersOf(g.Group))));
    }

    [Fact]
    public async Task Disposing_the_runner_kills_every_group()
    {
        var runner = new ProcessGroupRunner();
        var groups = new List<int>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var handle = await runner.StartAsync(TestSpecs.Bash("sleep 1000 & echo ready; wait") with { ReplicaName = $"test-{i}" });
                Assert.True(await TestSpecs.PrintedAsync(handle, "ready"));
                groups.Add(handle.ProcessId);
            }

            Assert.Equal(3, runner.RunningCount);
        }
        finally
        {
            await runner.DisposeAsync();
        }

        Assert.Equal(0, runner.RunningCount);
        Assert.True(await Eventually.TrueAsync(() => groups.All(g => ProcTable.LivingMembersOf(g).Count == 0), OrphanDeadline));
    }

    [Fact]
    public async Task Disposing_the_runner_synchronously_kills_every_group_and_still_reaps_it()
    {
        var runner = new ProcessGroupRunner();
        var handle = await runner.StartAsync(TestSpecs.Bash("sleep 1000 & echo ready; wait"));
        Assert.True(await TestSpecs.PrintedAsync(handle, "ready"));

        runner.Dispose();

        Assert.Equal(137, (await handle.Exited.WaitAsync(TestSpecs.Patience)).ExitCode);
        // Reaped, not left a zombie: gone from /proc altogether.
        Assert.True(await Eventually.TrueAsync(() => !Directory.Exists($"/proc/{handle.ProgramProcessId}"), OrphanDeadline));
        Assert.True(await Eventually.TrueAsync(() => ProcTable.LivingMembersOf(handle.ProcessId).Count == 0, OrphanDeadline));
    }

    [Fact]
    public async Task A_disposed_runner_refuses_new_starts()
    {
        var runner = new ProcessGroupRunner();
        await runner.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => runner.StartAsync(TestSpecs.Program("true")));
    }
}
