using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

/// <summary>Counts this process's pipes and anonymous inodes, so nothing else may open or close any meanwhile.</summary>
[CollectionDefinition(nameof(DescriptorLeakTests), DisableParallelization = true)]
public sealed class DescriptorLeakCollection;

[Trait("Category", "Integration")]
[Collection(nameof(DescriptorLeakTests))]
public sealed class DescriptorLeakTests
{
    private const int Replicas = 50;

    [Fact]
    public async Task Replicas_started_and_killed_leave_no_pidfd_or_pipe_behind()
    {
        // The runtime's epoll engine and the first runner's files are opened once, before the count.
        await using (var warmUp = new ProcessGroupRunner())
        {
            await using var first = await warmUp.StartAsync(TestSpecs.Program("true"));
            await first.Exited.WaitAsync(TestSpecs.Patience);
        }

        var before = ProcTable.OwnPipeAndAnonymousDescriptorCount();
        var runner = new ProcessGroupRunner();
        try
        {
            var handles = new List<IProcessHandle>();
            for (var i = 0; i < Replicas; i++)
            {
                handles.Add(await runner.StartAsync(TestSpecs.Bash("echo up; sleep 1000") with { ReplicaName = $"test-{i}" }));
            }

            Assert.True(ProcTable.OwnPipeAndAnonymousDescriptorCount() >= before + (3 * Replicas), "a pidfd and two pipes per replica while they run");
            foreach (var handle in handles)
            {
                LibC.SignalProcess(handle.ProgramProcessId, (int)ProcessSignal.Kill);
            }

            await Task.WhenAll(handles.Select(h => h.Exited)).WaitAsync(TestSpecs.Patience);
        }
        finally
        {
            await runner.DisposeAsync();
        }

        Assert.True(
            await Eventually.TrueAsync(() => ProcTable.OwnPipeAndAnonymousDescriptorCount() <= before, TestSpecs.Patience),
            $"{ProcTable.OwnPipeAndAnonymousDescriptorCount()} pipes, pidfds, epoll sets and eventfds open, {before} before");
    }
}
