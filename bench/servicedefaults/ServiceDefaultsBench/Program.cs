using OtlpTesting;

// usage: ServiceDefaultsBench bare|defaults [--urls http://127.0.0.1:PORT]   a service, without or with AddServiceDefaults()
//        ServiceDefaultsBench receiver                                      an OTLP receiver; prints its http/protobuf endpoint
// The same handler in both service modes, so that the difference is what ServiceDefaults adds to each request:
// the server span and its tags, the metrics, the X-Served-By header, and OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set.
var mode = args.FirstOrDefault() ?? "bare";
if (mode == "receiver")
{
    await using var receiver = await OtlpReceiver.StartAsync();
    Console.Out.WriteLine(receiver.HttpEndpoint);
    Console.Out.Flush();
    // Runs until the benchmark closes its input.
    await Console.In.ReadToEndAsync();
    var received = receiver.Snapshot();
    Console.Error.WriteLine($"receiver: {received.Spans.Count} spans, {received.Metrics.Count} metrics, {received.Logs.Count} log records");
    foreach (var category in received.Logs.CountBy(l => $"{l.ScopeName} {l.SeverityText}").OrderByDescending(c => c.Value).Take(5))
    {
        Console.Error.WriteLine($"  {category.Value,8} log records from {category.Key}");
    }
    return;
}

var builder = WebApplication.CreateBuilder(args[1..]);
if (mode == "defaults")
{
    builder.AddServiceDefaults();
}

var app = builder.Build();
if (mode == "defaults")
{
    app.MapDefaultEndpoints();
}

app.MapGet("/api/items/{id:int}", (int id) => TypedResults.Ok(new Item(id, $"item {id}", id * 1.5m)));
// Bytes allocated so far by the whole process: the benchmark divides the difference by the requests served.
// Unlike time, allocation does not depend on what else the machine is doing.
app.MapGet("/bench/allocated", () => GC.GetTotalAllocatedBytes(precise: true));
await app.RunAsync();

/// <summary>What the endpoint answers.</summary>
internal sealed record Item(int Id, string Name, decimal Price);
