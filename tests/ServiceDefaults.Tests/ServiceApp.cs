using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace ServiceDefaults.Tests;

/// <summary>Starts a real service with the defaults on a free loopback port, configured through configuration only (never the process environment), so tests can run in parallel.</summary>
internal static class ServiceApp
{
    public static async Task<WebApplication> StartAsync(
        IEnumerable<KeyValuePair<string, string?>> configuration, Action<WebApplication> map, string applicationName = "TestService")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = applicationName,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // One by one, so a later entry overrides an earlier one.
        foreach (var (key, value) in configuration)
        {
            builder.Configuration[key] = value;
        }

        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map(app);
        await app.StartAsync();
        return app;
    }

    public static Uri Address(WebApplication app) => new(app.Urls.First());
}
