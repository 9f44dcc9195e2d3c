using OtlpTesting;

namespace ServiceDefaults.Tests.Telemetry;

[Trait("Category", "Integration")]
[Collection(TwoTracedServicesCollection.Name)]
public sealed class TracingTests(TwoTracedServices services)
{
    private const string OrderRoute = "GET /api/orders/{id}";
    private const string ItemRoute = "GET /api/items/{id}";

    private static bool IsServerSpan(ReceivedSpan span, string name, string path) =>
        span.Kind == ReceivedSpanKind.Server && span.Name == name && span.Attribute("url.path") == path;

    private Task<ReceivedTelemetry> OrderTraceArrivedAsync() => services.Receiver.WaitForAsync(
        t => t.Spans.Any(s => IsServerSpan(s, OrderRoute, "/api/orders/7"))
            && t.Spans.Any(s => IsServerSpan(s, ItemRoute, "/api/items/7")),
        TwoTracedServices.Patience);

    [Fact]
    public async Task A_call_from_one_service_to_another_is_one_trace_of_server_and_client_spans()
    {
        var spans = (await OrderTraceArrivedAsync()).Spans;
        var order = spans.First(s => IsServerSpan(s, OrderRoute, "/api/orders/7"));
        var item = spans.First(s => IsServerSpan(s, ItemRoute, "/api/items/7"));
        var call = spans.First(s => s.Kind == ReceivedSpanKind.Client && s.ScopeName == "System.Net.Http"
            && s.Attribute("url.full")?.EndsWith("/api/items/7", StringComparison.Ordinal) == true);

        Assert.Equal("order of item 7", services.OrderReply);
        Assert.Equal([order.TraceId, order.TraceId], new[] { call.TraceId, item.TraceId });
        Assert.Equal(order.SpanId, call.ParentSpanId);
        Assert.Equal(call.SpanId, item.ParentSpanId);
    }

    [Fact]
    public async Task Server_spans_carry_route_method_status_and_path()
    {
        var item = (await OrderTraceArrivedAsync()).Spans.First(s => IsServerSpan(s, ItemRoute, "/api/items/7"));

        Assert.Equal(
            ("/api/items/{id}", "GET", "200", "Microsoft.AspNetCore"),
            (item.Attribute("http.route"), item.Attribute("http.request.method"), item.Attribute("http.response.status_code"), item.ScopeName));
    }

    [Fact]
    public async Task Spans_name_the_service_and_instance_given_in_the_otel_settings()
    {
        var spans = (await OrderTraceArrivedAsync()).Spans;

        var item = spans.First(s => IsServerSpan(s, ItemRoute, "/api/items/7") && s.Resource.ServiceName == "backend");

        Assert.Equal(("backend-1", "test"), (item.Resource.ServiceInstanceId, item.Resource.Attributes["deployment.environment"]));
    }

    [Fact]
    public async Task Spans_of_the_services_own_source_join_the_request_that_started_them()
    {
        var telemetry = await services.Receiver.WaitForAsync(
            t => t.Spans.Any(s => s.Name == "LookUpItem") && t.Spans.Any(s => IsServerSpan(s, ItemRoute, "/api/items/7")),
            TwoTracedServices.Patience);

        var item = telemetry.Spans.First(s => IsServerSpan(s, ItemRoute, "/api/items/7"));
        Assert.Contains(telemetry.Spans, s => s.Name == "LookUpItem" && s.ScopeName == "backend" && s.ParentSpanId == item.SpanId);
    }

    [Fact]
    public async Task Health_and_alive_probes_are_not_traced()
    {
        var telemetry = await services.Receiver.WaitForAsync(
            t => t.Spans.Any(s => s.TraceId == services.MarkerTraceId && s.Kind == ReceivedSpanKind.Server), TwoTracedServices.Patience);

        Assert.DoesNotContain(telemetry.Spans, s => s.TraceId == services.ProbeTraceId);
    }
}
