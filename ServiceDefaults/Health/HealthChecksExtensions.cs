using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Health;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the health checks every service has.</summary>
public static class HealthChecksExtensions
{
    /// <summary>
    /// Adds the <c>self</c> check, tagged <c>live</c>: it passes while the process can answer a request.
    /// A service adds its own checks (database, cache) untagged, so they count for <c>/health</c> only.
    /// <code>builder.AddDefaultHealthChecks();</code>
    /// </summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck(HealthEndpointDefaults.SelfCheckName, () => HealthCheckResult.Healthy(), [HealthEndpointDefaults.LiveTag]);
        return builder;
    }
}
