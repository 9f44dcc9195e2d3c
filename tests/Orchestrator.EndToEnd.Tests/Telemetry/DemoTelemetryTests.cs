using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Hosting.Notifications;
using OtlpTesting;

namespace Orchestrator.EndToEnd.Tests.Telemetry;

/// <summary>
/// The demo system's telemetry, end to end: every .NET service and the orchestrator export to the AppHost's OTLP
/// endpoint (the project's receiver), and service discovery spreads and heals the storefront's calls to catalog.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DemoTelemetryTests(DemoSystemFixture demo) : IClassFixture<DemoSystemFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private OtlpReceiver Receiver => demo.Receiver;

    public Task InitializeAsync() => demo.WaitUntilAllHealthyAsync();

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Every_replica_gets_the_otlp_variables_with_aspire_s_development_settings()
    {
        foreach (var (service, replicas) in DemoSystem.DotnetReplicas)
        {
            foreach (var replica in replicas)
            {
                var environment = demo.EnvironmentOf(replica);

                Assert.Equal(Receiver.HttpEndpoint.ToString(), environment.GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT"));
                Assert.Equal("http/protobuf", environment.GetValueOrDefault("OTEL_EXPORTER_OTLP_PROTOCOL"));
                Assert.Equal(service, environment.GetValueOrDefault("OTEL_SERVICE_NAME"));
                Assert.Equal($"service.instance.id={replica}", environment.GetValueOrDefault("OTEL_RESOURCE_ATTRIBUTES"));
                Assert.Equal("1000", environment.GetValueOrDefault("OTEL_BSP_SCHEDULE_DELAY"));
                Assert.Equal("1000", environment.GetValueOrDefault("OTEL_BLRP_SCHEDULE_DELAY"));
                Assert.Equal("1000", environment.GetValueOrDefault("OTEL_METRIC_EXPORT_INTERVAL"));
                Assert.Equal("always_on", environment.GetValueOrDefault("OTEL_TRACES_SAMPLER"));
            }
        }
    }

    [Fact]
    public async Task One_storefront_request_is_one_trace_across_storefront_and_catalog_with_each_replica_s_identity()
    {
        // The test starts the trace itself, so that it knows which trace to look for among everything the system sends.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(demo.Storefront, "/api/storefront?user=tracer"));
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        var servedBy = view.GetProperty("catalogServedBy").GetString();

        var telemetry = await Receiver.WaitForAsync(t =>
            t.Spans.Any(s => s.TraceId == traceId.ToHexString() && s.Resource.ServiceName == "catalog" && s.Kind == ReceivedSpanKind.Server)
            && t.Spans.Any(s => s.TraceId == traceId.ToHexString() && s.Resource.ServiceName == "storefront" && s.Kind == ReceivedSpanKind.Server), Timeout);

        var trace = telemetry.Spans.Where(s => s.TraceId == traceId.ToHexString()).ToList();
        var storefront = trace.Single(s => s.Resource.ServiceName == "storefront" && s.Kind == ReceivedSpanKind.Server);
        var catalog = trace.First(s => s.Resource.ServiceName == "catalog" && s.Kind == ReceivedSpanKind.Server);
        Assert.Equal("GET /api/storefront", storefront.Name);
        Assert.Equal("storefront-0", storefront.Resource.ServiceInstanceId);
        Assert.StartsWith("GET /api/products", catalog.Name, StringComparison.Ordinal);
        Assert.Equal(servedBy, catalog.Resource.ServiceInstanceId);
        // The catalog's server span hangs under a client span of the storefront's, which hangs in the storefront's request.
        var client = trace.Single(s => s.SpanId == catalog.ParentSpanId);
        Assert.Equal(("storefront", ReceivedSpanKind.Client), (client.Resource.ServiceName, client.Kind));
    }

    [Fact]
    public async Task Runtime_and_http_metrics_arrive_from_every_replica_of_every_dotnet_service()
    {
        var instances = DemoSystem.DotnetReplicas.Values.SelectMany(r => r).ToList();

        // Health probes reach every service every few seconds, so each serves HTTP requests without the test's help.
        var telemetry = await Receiver.WaitForAsync(t => instances.All(instance =>
            t.Metrics.Any(m => m.Resource.ServiceInstanceId == instance && m.ScopeName == "System.Runtime")
            && t.Metrics.Any(m => m.Resource.ServiceInstanceId == instance && m.Name == "http.server.request.duration")), Timeout);

        foreach (var (service, replicas) in DemoSystem.DotnetReplicas)
        {
            Assert.All(
                telemetry.Metrics.Where(m => replicas.Contains(m.Resource.ServiceInstanceId)),
                m => Assert.Equal(service, m.Resource.ServiceName));
        }
    }

    [Fact]
    public async Task Log_records_arrive_from_every_dotnet_service_with_its_service_name()
    {
        var services = DemoSystem.DotnetReplicas.Keys.ToList();

        var telemetry = await Receiver.WaitForAsync(t => services.All(service => t.Logs.Any(l => l.Resource.ServiceName == service)), Timeout);

        // Each says it started (ASP.NET Core's lifetime log), under its own name.
        foreach (var service in services)
        {
            Assert.Contains(telemetry.Logs, l => l.Resource.ServiceName == service && l.ScopeName == "Microsoft.Hosting.Lifetime");
        }
    }

    [Fact]
    public async Task The_orchestrator_s_launch_spans_and_metrics_arrive_as_service_orchestrator()
    {
        var telemetry = await Receiver.WaitForAsync(t =>
            t.Spans.Any(s => s.Resource.ServiceName == "orchestrator" && s.Name == "launch")
            && t.Metrics.Any(m => m.Resource.ServiceName == "orchestrator" && m.Name == "orchestrator.resources")
            && t.Metrics.Any(m => m.Resource.ServiceName == "orchestrator" && m.Name == "orchestrator.launch.duration")
            && t.Metrics.Any(m => m.Resource.ServiceName == "orchestrator" && m.Name == "orchestrator.health_check.duration")
            && t.Logs.Any(l => l.Resource.ServiceName == "orchestrator"), Timeout);

        var spans = telemetry.Spans.Where(s => s.Resource.ServiceName == "orchestrator").ToList();
        var launch = spans.Single(s => s.Name == "launch");
        var phases = spans.Where(s => s.ParentSpanId == launch.SpanId).ToList();
        Assert.Contains(phases, p => p.Name == "phase 0");
        var catalogStart = spans.Single(s => s.Name == "start catalog");
        Assert.Contains(phases, p => p.SpanId == catalogStart.ParentSpanId);
        Assert.Contains(spans, s => s.Name == "start postgres" && s.TraceId == launch.TraceId);
        Assert.Contains(spans, s => s.Name == "start storefront" && s.TraceId == launch.TraceId);
        var running = telemetry.Metrics.Last(m => m.Resource.ServiceName == "orchestrator" && m.Name == "orchestrator.resources")
            .DataPoints.Single(p => p.Attributes["orchestrator.resource.state"] as string == "Running");
        Assert.True(running.Value >= 7, $"expected at least 7 running replicas, the gauge said {running.Value}");
    }

    [Fact]
    public async Task Both_catalog_replicas_serve_the_storefront_s_requests()
    {
        var servedBy = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 20 && servedBy.Count < 2; i++)
        {
            servedBy.Add(await CatalogServedByAsync());
        }

        Assert.Equal(["catalog-0", "catalog-1"], servedBy.Order());
    }

    [Fact]
    public async Task A_killed_catalog_replica_is_healed_while_storefront_requests_keep_succeeding_and_the_restart_is_traced()
    {
        var pid = demo.Kill("catalog-1");

        // Requests go on while the orchestrator restarts the replica: every one must be answered in full.
        var healed = demo.Notifications.WaitForAsync("catalog", s => s.ReplicaName == "catalog-1" && s.State == KnownResourceState.Running
            && s.ProcessId is { } p && p != pid).WaitAsync(Timeout);
        var requests = 0;
        while (!healed.IsCompleted)
        {
            Assert.NotNull(await CatalogServedByAsync());
            requests++;
        }

        await healed;
        Assert.True(requests > 0, "no request was made while catalog-1 was down");
        var telemetry = await Receiver.WaitForAsync(t =>
            t.Spans.Any(s => s.Resource.ServiceName == "orchestrator" && s.Name == "failure catalog-1")
            && t.Spans.Any(s => s.Resource.ServiceName == "orchestrator" && s.Name == "restart catalog-1")
            && t.Metrics.Any(m => m.Resource.ServiceName == "orchestrator" && m.Name == "orchestrator.restarts"), Timeout);

        var failure = telemetry.Spans.Last(s => s.Resource.ServiceName == "orchestrator" && s.Name == "failure catalog-1");
        Assert.Equal("137", failure.Attribute("process.exit.code"));
        var restarts = telemetry.Metrics.Last(m => m.Resource.ServiceName == "orchestrator" && m.Name == "orchestrator.restarts");
        var point = Assert.Single(restarts.DataPoints, p => p.Attributes["orchestrator.resource.name"] as string == "catalog");
        Assert.Equal("1", point.Attributes["orchestrator.restart.tier"]);
        Assert.True(point.Value >= 1);
    }

    // The storefront's view names the catalog replica that answered; a degraded view (a service failed) fails the test.
    private async Task<string> CatalogServedByAsync()
    {
        using var response = await _http.GetAsync(new Uri(demo.Storefront, "/api/storefront"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, view.GetProperty("problems").GetArrayLength());
        Assert.NotEqual(0, view.GetProperty("products").GetArrayLength());
        return view.GetProperty("catalogServedBy").GetString()!;
    }
}
