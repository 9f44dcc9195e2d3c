using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Telemetry;
using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.EndToEnd.Tests.Telemetry;

/// <summary>Without an OTLP endpoint, nothing is exported and nothing fails.</summary>
[Trait("Category", "Integration")]
public sealed class NoEndpointTelemetryTests
{
    [Fact]
    public async Task Without_an_endpoint_the_orchestrator_does_not_even_listen_and_a_service_runs_and_serves_without_exporting()
    {
        using var state = new TempDirectory();
        var builder = DemoSystem.CreateEmptyBuilder(state);
        builder.AddProject("storefront", "../samples/Storefront/Storefront.csproj").WithHttpHealthCheck("/health");
        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var replica = app.Services.GetRequiredService<ResourceNotificationService>().GetSnapshot("storefront-0")!;
            var environment = File.ReadAllText($"/proc/{replica.ProcessId}/environ").Split('\0');
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(new Uri(app.UrlOf("storefront")), "/health"));

            // The service was told who it is, not where to export, and it serves.
            Assert.Contains("OTEL_SERVICE_NAME=storefront", environment);
            Assert.DoesNotContain(environment, e => e.StartsWith("OTEL_EXPORTER_OTLP_", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The orchestrator built no tracer: no span is even created for its launch.
            using var source = new ActivitySource(OrchestratorTelemetryDefaults.ActivitySourceName);
            Assert.False(source.HasListeners());
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
