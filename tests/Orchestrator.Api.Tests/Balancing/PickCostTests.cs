using System.Diagnostics;
using System.Net;
using Orchestrator.Api.Balancing;
using Xunit.Abstractions;

namespace Orchestrator.Api.Tests.Balancing;

/// <summary>A pick is on every balanced request's path: it must not allocate, whatever the strategy.</summary>
public sealed class PickCostTests(ITestOutputHelper output)
{
    [Fact]
    public void A_pick_allocates_nothing_once_the_pool_is_built()
    {
        var harness = new BalancerHarness(new Dictionary<string, int> { ["api-1"] = 3 });
        harness.PublishHealthy("api", 3);
        for (var i = 0; i < 20; i++)
        {
            harness.PublishHealthy($"other{i}", 2);
        }

        var caller = IPAddress.Parse("10.0.0.7");
        const int picks = 100_000;
        // Builds the pool and each strategy's state, and lets the JIT settle, before anything is measured.
        foreach (var strategy in Enum.GetValues<BalancingStrategy>())
        {
            for (var i = 0; i < picks; i++)
            {
                harness.Balancer.Pick("api", strategy, caller);
            }
        }

        foreach (var strategy in Enum.GetValues<BalancingStrategy>())
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < picks; i++)
            {
                harness.Balancer.Pick("api", strategy, caller);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            output.WriteLine($"{strategy}: {elapsed.TotalNanoseconds / picks:0} ns per pick, {allocated} bytes allocated in {picks} picks");
            Assert.Equal(0, allocated);
        }
    }
}
