using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>The shared services plus <c>crashy</c>, which dies four seconds after each start and is quarantined at its first failure.</summary>
public sealed class CommandAppFixture : ApiAppFixture
{
    protected override void AddResources(IDistributedApplicationBuilder builder) =>
        builder.AddTestService("crashy", "--exit-after-ms", "4000")
            .AsOptional()
            .WithRestartPolicy(RestartPolicy.Always, o => o.Tiers = [RestartTier.Quarantine()]);
}
