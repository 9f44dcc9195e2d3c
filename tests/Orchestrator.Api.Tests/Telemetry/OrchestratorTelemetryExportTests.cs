using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Telemetry;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;
using OtlpTesting;

namespace Orchestrator.Api.Tests.Telemetry;

/// <summary>The registration against the project's OTLP receiver, in one process: no resources, no launch.</summary>
[Trait("Category", "Integration")]
public sealed class OrchestratorTelemetryExportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Spans_metrics_and_logs_reach_the_endpoint_as_service_orchestrator()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var host = CreateHost(("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.HttpEndpoint.ToString()), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
        await host.StartAsync();

        var instrumentation = host.Services.GetRequiredService<OrchestratorInstrumentation>();
        instrumentation.FailureDetected("export-test", "export-test-0", 137, "exited with code 137");
        using (instrumentation.StartRestart("export-test", "export-test-0", 1, 1, RestartAction.Immediate))
        {
        }

        host.Services.GetRequiredService<ILogger<OrchestratorTelemetryExportTests>>().LogInformation("Healing {Replica}", "export-test-0");

        var telemetry = await receiver.WaitForAsync(t =>
            t.Spans.Any(s => s.Name == "restart export-test-0")
            && t.Metrics.Any(m => m.Name == OrchestratorTelemetryDefaults.RestartsMetric)
            && t.Logs.Any(l => l.Body == "Healing export-test-0"), Timeout);
        await host.StopAsync();

        Assert.All(telemetry.Spans, s => Assert.Equal(OrchestratorTelemetryDefaults.ServiceName, s.Resource.ServiceName));
        Assert.Equal(OrchestratorTelemetryDefaults.ServiceName, telemetry.Logs.First(l => l.Body == "Healing export-test-0").Resource.ServiceName);
        Assert.Contains(telemetry.Metrics, m => m.Name == OrchestratorTelemetryDefaults.ResourcesMetric);
    }

    [Fact]
    public async Task Without_an_endpoint_the_host_runs_builds_no_tracer_and_logs_as_usual()
    {
        using var host = CreateHost();
        await host.StartAsync();

        var instrumentation = host.Services.GetRequiredService<OrchestratorInstrumentation>();
        instrumentation.FailureDetected("quiet", "quiet-0", 1, "exited with code 1");
        host.Services.GetRequiredService<ILogger<OrchestratorTelemetryExportTests>>().LogInformation("Nothing to export");
        await host.StopAsync();

        Assert.False(host.Services.GetRequiredService<OrchestratorExportSettings>().IsExporting);
    }

    private static IHost CreateHost(params (string Key, string Value)[] configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration.Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)));
        builder.Services.AddSingleton<ResourceNotificationService>();
        builder.Services.AddOrchestratorTelemetry();
        return builder.Build();
    }
}
