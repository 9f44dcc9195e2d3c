using OtlpTesting;

namespace ServiceDefaults.Tests.Telemetry;

[Trait("Category", "Integration")]
[Collection(TwoTracedServicesCollection.Name)]
public sealed class MetricsAndLogsTests(TwoTracedServices services)
{
    [Fact]
    public async Task Metrics_from_the_built_in_meters_arrive_with_the_service_name()
    {
        string[] meters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime"];

        static bool IsOrderDuration(ReceivedMetric m) => m.Name == "http.server.request.duration" && m.Resource.ServiceName == "frontend"
            && m.DataPoints.Any(p => Equals(p.Attributes.GetValueOrDefault("http.route"), "/api/orders/{id}"));

        var telemetry = await services.Receiver.WaitForAsync(
            t => meters.All(meter => t.Metrics.Any(m => m.ScopeName == meter && m.Resource.ServiceName == "frontend"))
                && t.Metrics.Any(IsOrderDuration),
            TwoTracedServices.Patience);

        Assert.All(meters, meter => Assert.Contains(telemetry.Metrics, m => m.ScopeName == meter && m.Resource.ServiceInstanceId == "frontend-1"));
    }

    [Fact]
    public async Task Each_service_measures_only_its_own_requests()
    {
        static bool IsDurationOf(ReceivedMetric m, string service, string route) =>
            m.Name == "http.server.request.duration" && m.Resource.ServiceName == service
            && m.DataPoints.Any(p => Equals(p.Attributes.GetValueOrDefault("http.route"), route));

        // The frontend measured its route; the backend exported after the frontend's request and its own.
        var telemetry = await services.Receiver.WaitForAsync(
            t => t.Metrics.Any(m => IsDurationOf(m, "frontend", "/api/orders/{id}"))
                && t.Metrics.Any(m => IsDurationOf(m, "backend", "/api/items/{id}")),
            TwoTracedServices.Patience);

        Assert.DoesNotContain(telemetry.Metrics, m => IsDurationOf(m, "backend", "/api/orders/{id}"));
    }

    [Fact]
    public async Task Log_records_carry_the_service_the_formatted_message_and_the_request_scope()
    {
        var telemetry = await services.Receiver.WaitForAsync(
            t => t.Logs.Any(l => l.Body == "Served item 7 to frontend"), TwoTracedServices.Patience);

        var record = Assert.Single(telemetry.Logs, l => l.Body == "Served item 7 to frontend");
        Assert.Equal(
            ("backend", "backend-1", "7", "/api/items/7"),
            (record.Resource.ServiceName, record.Resource.ServiceInstanceId, record.Attribute("ItemId"), record.Attribute("RequestPath")));
    }

    [Fact]
    public async Task Log_records_written_while_serving_a_request_belong_to_its_trace()
    {
        var telemetry = await services.Receiver.WaitForAsync(
            t => t.Logs.Any(l => l.Body == "Served item 7 to frontend")
                && t.Spans.Any(s => s.Kind == ReceivedSpanKind.Server && s.Attribute("url.path") == "/api/items/7"),
            TwoTracedServices.Patience);

        var record = telemetry.Logs.First(l => l.Body == "Served item 7 to frontend");
        var item = telemetry.Spans.First(s => s.Kind == ReceivedSpanKind.Server && s.Attribute("url.path") == "/api/items/7");
        Assert.Equal((item.TraceId, item.SpanId), (record.TraceId, record.SpanId));
    }
}
