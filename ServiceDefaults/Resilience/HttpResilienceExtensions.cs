using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Resilience;
using Microsoft.Extensions.Hosting.Telemetry;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Polly resilience for the clients of the HTTP client factory.</summary>
public static class HttpResilienceExtensions
{
    /// <summary>
    /// Registers what the resilience handler needs and binds the <c>Resilience</c> configuration section onto
    /// <see cref="HttpResilienceOptions"/> for every client (once, however often it is called).
    /// <code>builder.Services.AddHttpResilience();</code>
    /// </summary>
    public static IServiceCollection AddHttpResilience(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(HttpResiliencePipelineCache)))
        {
            return services;
        }

        services.AddOptions();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HttpResiliencePipelineCache>();
        // Bound for every client name; code that configures later runs later, so it wins over the section.
        services.AddSingleton<IConfigureOptions<HttpResilienceOptions>>(provider => new ConfigureNamedOptions<HttpResilienceOptions>(
            name: null,
            options => provider.GetService<IConfiguration>()?.GetSection(HttpResilienceDefaults.SectionName).Bind(options)));
        return services;
    }

    /// <summary>
    /// Changes the resilience options of every client.
    /// <code>builder.Services.ConfigureHttpResilience(o => o.MaxRetryAttempts = 5);</code>
    /// </summary>
    public static IServiceCollection ConfigureHttpResilience(this IServiceCollection services, Action<HttpResilienceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddHttpResilience();
        return services.ConfigureAll(configure);
    }

    /// <summary>
    /// Adds the resilience handler to this client: total timeout, retries, circuit breaker and attempt timeout, one
    /// circuit per service it calls. Handlers added after this one run once per attempt, so add service discovery after
    /// it. <c>AddServiceDefaults()</c> already adds it to every client; adding it again does nothing.
    /// <code>builder.Services.AddHttpClient&lt;CatalogClient&gt;().AddResilience().AddServiceDiscovery();</code>
    /// </summary>
    public static IHttpClientBuilder AddResilience(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpResilience();
        return builder.AddResilienceHandler();
    }

    /// <summary>
    /// Changes the resilience options of this client only (<c>Enabled = false</c> takes the handler away).
    /// <code>builder.Services.AddHttpClient&lt;ReportClient&gt;().ConfigureResilience(o => o.TotalTimeout = TimeSpan.FromMinutes(2));</code>
    /// </summary>
    public static IHttpClientBuilder ConfigureResilience(this IHttpClientBuilder builder, Action<HttpResilienceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddHttpResilience();
        builder.Services.Configure(builder.Name, configure);
        return builder;
    }

    private static IHttpClientBuilder AddResilienceHandler(this IHttpClientBuilder builder)
    {
        builder.Services.Configure<HttpClientFactoryOptions>(builder.Name, factory => factory.HttpMessageHandlerBuilderActions.Add(handlers =>
        {
            var name = handlers.Name ?? Options.Options.DefaultName;
            var options = handlers.Services.GetRequiredService<IOptionsMonitor<HttpResilienceOptions>>().Get(name);
            if (!options.Enabled
                || TelemetryDefaults.ExporterHttpClientNames.Contains(name)
                || handlers.AdditionalHandlers.Any(h => h is HttpResilienceHandler))
            {
                return;
            }

            var cache = handlers.Services.GetRequiredService<HttpResiliencePipelineCache>();
            handlers.AdditionalHandlers.Add(new HttpResilienceHandler(request => cache.For(name, request)));
        }));
        return builder;
    }
}
