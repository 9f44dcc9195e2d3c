using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

[Trait("Category", "Integration")]
public sealed class ProcessGroupReaperTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task When_the_AppHost_lets_go_every_watched_group_dies_and_a_forgotten_one_is_spared()
    {
        using var first = StartGroupLeader();
        using var forgotten = StartGroupLeader();
        using var last = StartGroupLeader();
        try
        {
            var reaper = ProcessGroupReaper.Start(NullLogger.Instance);
            reaper.Watch(first.Id);
            reaper.Watch(forgotten.Id);
            reaper.Watch(last.Id);
            reaper.Watch(first.Id);
            reaper.Forget(forgotten.Id);

            // The pipe closes, as the kernel closes it when the AppHost dies.
            reaper.Dispose();

            Assert.True(await Eventually.TrueAsync(() => !ProcTable.IsAlive(first.Id) && !ProcTable.IsAlive(last.Id), Deadline),
                "the first and last watched groups are killed");
            Assert.True(ProcTable.IsAlive(forgotten.Id), "the forgotten group is left alone");
        }
        finally
        {
            foreach (var process in new[] { first, forgotten, last })
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
    }

    // setsid in a child that leads no group execs sleep as the leader of a new group: its pid is its group.
    private static Process StartGroupLeader()
    {
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false };
        info.ArgumentList.Add("sleep");
        info.ArgumentList.Add("100");
        var process = Process.Start(info)!;
        Assert.True(SpinWait.SpinUntil(() => ProcTable.GroupOf(process.Id) == process.Id, Deadline), "sleep leads its own group");
        return process;
    }
}
