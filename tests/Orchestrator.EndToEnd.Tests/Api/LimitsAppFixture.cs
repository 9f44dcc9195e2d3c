using Orchestrator.Hosting;

namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>The shared services behind an API with small limits: 5 requests per second (bursts of 10) and 1 KiB bodies.</summary>
public sealed class LimitsAppFixture : ApiAppFixture
{
    public const int Burst = 10;
    public const int BodyLimit = 1024;

    protected override void Configure(IDistributedApplicationBuilder builder)
    {
        builder.Configuration["Orchestrator:Api:PermitPerSecond"] = "5";
        builder.Configuration["Orchestrator:Api:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Orchestrator:Api:MaxRequestBodyBytes"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
