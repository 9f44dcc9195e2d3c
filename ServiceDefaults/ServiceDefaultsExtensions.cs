using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Health;
using Microsoft.Extensions.Hosting.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every managed service calls, Aspire's way: <c>builder.AddServiceDefaults()</c> before
/// <c>Build()</c> and <c>app.MapDefaultEndpoints()</c> after it.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Adds OpenTelemetry (traces, metrics and logs, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is
    /// set; see <see cref="TelemetryExtensions.ConfigureOpenTelemetry{TBuilder}"/>), health checks, service discovery
    /// for every <see cref="System.Net.Http.HttpClient"/> made by the factory (<c>http://catalog</c> reaches a replica
    /// of catalog), the service's identity, a startup line, and an <c>X-Served-By</c> header naming the replica on
    /// every response. Every factory client also gets resilience (see <see cref="Resilience.HttpResilienceOptions"/>):
    /// total timeout, retries with backoff, a circuit breaker per service, a timeout per attempt.
    /// <code>var builder = WebApplication.CreateBuilder(args);
    /// builder.AddServiceDefaults();</code>
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddSingleton(ServiceIdentity.FromConfiguration(builder.Configuration, builder.Environment.ApplicationName));
        builder.Services.AddHostedService<StartupLineWriter>();
        builder.Services.AddTransient<IStartupFilter, ServedByHeaderStartupFilter>();
        builder.Services.AddServiceDiscovery();
        // Resilience outside, discovery inside: every retry resolves the service again and may reach another replica.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddResilience().AddServiceDiscovery());
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check) and <c>/alive</c> (checks tagged <c>live</c>).
    /// <code>var app = builder.Build();
    /// app.MapDefaultEndpoints();</code>
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Unlike Aspire's template, these stay mapped outside Development: the orchestrator probes them in every environment.
        app.MapHealthChecks(HealthEndpointDefaults.HealthPath);
        app.MapHealthChecks(HealthEndpointDefaults.AlivePath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthEndpointDefaults.LiveTag),
        });
        return app;
    }
}
