using Orchestrator.Api.Healing;
using Orchestrator.EndToEnd.Tests.Api;
using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.EndToEnd.Tests.CommandLine;

/// <summary>
/// The API fixture's system plus <c>fragile</c>, which is never restarted (killing it leaves the system Unhealthy),
/// and <c>echo</c>, which only the log-following test restarts.
/// </summary>
public sealed class CliAppFixture : ApiAppFixture
{
    protected override void AddResources(IDistributedApplicationBuilder builder)
    {
        builder.AddTestService("fragile").WithRestartPolicy(RestartPolicy.Never);
        builder.AddTestService("echo");
    }
}
