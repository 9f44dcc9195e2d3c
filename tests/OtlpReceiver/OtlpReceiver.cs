using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OtlpTesting;

/// <summary>
/// An OTLP endpoint for tests, on loopback: OTLP/HTTP with protobuf bodies (<c>POST /v1/traces</c>,
/// <c>/v1/metrics</c>, <c>/v1/logs</c>) on <see cref="HttpEndpoint"/>, and OTLP/gRPC over cleartext HTTP/2
/// on <see cref="GrpcEndpoint"/>. It keeps everything it receives, decoded, and lets a test wait until what it
/// holds matches a condition.
/// <code>await using var receiver = await OtlpReceiver.StartAsync();
/// builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.HttpEndpoint.ToString();
/// var telemetry = await receiver.WaitForAsync(t => t.Spans.Any(s => s.Name == "GET /"), TimeSpan.FromSeconds(10));</code>
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private const string GrpcContentType = "application/grpc";
    private const string ProtobufContentType = "application/x-protobuf";

    private static readonly Dictionary<string, (OtlpSignal Signal, OtlpTransport Transport)> Routes = new(StringComparer.Ordinal)
    {
        ["/v1/traces"] = (OtlpSignal.Traces, OtlpTransport.HttpProtobuf),
        ["/v1/metrics"] = (OtlpSignal.Metrics, OtlpTransport.HttpProtobuf),
        ["/v1/logs"] = (OtlpSignal.Logs, OtlpTransport.HttpProtobuf),
        ["/opentelemetry.proto.collector.trace.v1.TraceService/Export"] = (OtlpSignal.Traces, OtlpTransport.Grpc),
        ["/opentelemetry.proto.collector.metrics.v1.MetricsService/Export"] = (OtlpSignal.Metrics, OtlpTransport.Grpc),
        ["/opentelemetry.proto.collector.logs.v1.LogsService/Export"] = (OtlpSignal.Logs, OtlpTransport.Grpc),
    };

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedSpan> _spans = [];
    private readonly List<ReceivedMetric> _metrics = [];
    private readonly List<ReceivedLogRecord> _logs = [];
    private readonly List<ReceivedExport> _exports = [];
    private TaskCompletionSource _changed = NewSignal();

    private OtlpReceiver(WebApplication app, Uri httpEndpoint, Uri grpcEndpoint)
    {
        _app = app;
        HttpEndpoint = httpEndpoint;
        GrpcEndpoint = grpcEndpoint;
    }

    /// <summary>The OTLP/HTTP base address (<c>http://127.0.0.1:port/</c>): the value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> with <c>http/protobuf</c>.</summary>
    public Uri HttpEndpoint { get; }

    /// <summary>The OTLP/gRPC address (<c>http://127.0.0.1:port/</c>, HTTP/2 without TLS): the value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> with <c>grpc</c>.</summary>
    public Uri GrpcEndpoint { get; }

    /// <summary>Every span received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedSpan> Spans => Snapshot().Spans;

    /// <summary>Every metric received so far, one entry per metric per export.</summary>
    public IReadOnlyList<ReceivedMetric> Metrics => Snapshot().Metrics;

    /// <summary>Every log record received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedLogRecord> Logs => Snapshot().Logs;

    /// <summary>Every export call received so far, with its protocol and headers.</summary>
    public IReadOnlyList<ReceivedExport> Exports => Snapshot().Exports;

    /// <summary>Starts a receiver on two free loopback ports, one for each protocol.</summary>
    public static async Task<OtlpReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Listeners are process-wide: a service under test in this process listens to every "Microsoft.AspNetCore"
        // source, so with the default source each export would come back as a span of the receiver, exported again.
        // Hosting takes its source from the container, and this one has no listeners.
        builder.Services.AddSingleton(new ActivitySource("OtlpTesting.Receiver"));
        ListenOptions? http = null;
        ListenOptions? grpc = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => (listen.Protocols, http) = (HttpProtocols.Http1, listen));
            // gRPC needs HTTP/2; without TLS there is no negotiation, so this port speaks only HTTP/2 (prior knowledge).
            kestrel.Listen(IPAddress.Loopback, 0, listen => (listen.Protocols, grpc) = (HttpProtocols.Http2, listen));
        });
        var app = builder.Build();
        OtlpReceiver? receiver = null;
        app.Run(context => receiver!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        // Kestrel writes the port it bound back into the listen options.
        receiver = new OtlpReceiver(app, Address(http!), Address(grpc!));
        return receiver;
    }

    /// <summary>Everything received so far, at one moment.</summary>
    public ReceivedTelemetry Snapshot()
    {
        lock (_gate)
        {
            return new ReceivedTelemetry([.. _spans], [.. _metrics], [.. _logs], [.. _exports]);
        }
    }

    /// <summary>
    /// Waits until what the receiver holds satisfies <paramref name="predicate"/> and returns that snapshot.
    /// The predicate is checked at once and after every export that arrives.
    /// </summary>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>; the message says what had arrived.</exception>
    public async Task<ReceivedTelemetry> WaitForAsync(Func<ReceivedTelemetry, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            ReceivedTelemetry snapshot;
            lock (_gate)
            {
                changed = _changed.Task;
                snapshot = new ReceivedTelemetry([.. _spans], [.. _metrics], [.. _logs], [.. _exports]);
            }

            if (predicate(snapshot))
            {
                return snapshot;
            }

            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The OTLP receiver did not see the expected telemetry within {timeout}. It had {Describe(snapshot)}.");
            }
        }
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!Routes.TryGetValue(context.Request.Path.Value ?? string.Empty, out var route))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (route.Transport == OtlpTransport.Grpc)
        {
            await HandleGrpcAsync(context, route.Signal, body).ConfigureAwait(false);
            return;
        }

        if (!(context.Request.ContentType ?? string.Empty).StartsWith(ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            // The receiver decodes protobuf only; OTLP/JSON is not what .NET's exporter sends.
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (string.Equals(context.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = Gunzip(body);
        }

        if (!TryRecord(context.Request, route.Signal, route.Transport, body))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // An empty Export*ServiceResponse is zero bytes: full success.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ProtobufContentType;
    }

    private async Task HandleGrpcAsync(HttpContext context, OtlpSignal signal, byte[] body)
    {
        context.Response.ContentType = GrpcContentType;
        var status = TryReadGrpcMessage(body, context.Request.Headers["grpc-encoding"], out var message)
            && TryRecord(context.Request, signal, OtlpTransport.Grpc, message)
                ? "0"   // OK
                : "3";  // INVALID_ARGUMENT
        if (status == "0")
        {
            // One length-prefixed, uncompressed, empty response message.
            await context.Response.Body.WriteAsync(new byte[5], context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.AppendTrailer("grpc-status", status);
    }

    // gRPC frames a message as: 1 byte compressed flag, 4 bytes big-endian length, the message.
    private static bool TryReadGrpcMessage(byte[] body, string? encoding, out byte[] message)
    {
        message = [];
        if (body.Length < 5)
        {
            return false;
        }

        var length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        if (body.Length < 5 + length)
        {
            return false;
        }

        message = body.AsSpan(5, length).ToArray();
        if (body[0] == 1)
        {
            if (!string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            message = Gunzip(message);
        }

        return true;
    }

    private bool TryRecord(HttpRequest request, OtlpSignal signal, OtlpTransport transport, byte[] body)
    {
        IReadOnlyList<ReceivedSpan> spans = [];
        IReadOnlyList<ReceivedMetric> metrics = [];
        IReadOnlyList<ReceivedLogRecord> logs = [];
        try
        {
            switch (signal)
            {
                case OtlpSignal.Traces:
                    spans = OtlpDecoder.DecodeTraces(body);
                    break;
                case OtlpSignal.Metrics:
                    metrics = OtlpDecoder.DecodeMetrics(body);
                    break;
                default:
                    logs = OtlpDecoder.DecodeLogs(body);
                    break;
            }
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }

        var headers = request.Headers.ToDictionary(
            header => header.Key.ToLowerInvariant(), header => header.Value.ToString(), StringComparer.Ordinal);
        var export = new ReceivedExport(signal, transport, request.Path.Value!, headers, spans.Count + metrics.Count + logs.Count);
        TaskCompletionSource changed;
        lock (_gate)
        {
            _spans.AddRange(spans);
            _metrics.AddRange(metrics);
            _logs.AddRange(logs);
            _exports.Add(export);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.SetResult();
        return true;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static Uri Address(ListenOptions listen) => new($"http://127.0.0.1:{listen.IPEndPoint!.Port}/");

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Describe(ReceivedTelemetry telemetry)
    {
        var services = telemetry.Spans.Select(s => s.Resource.ServiceName)
            .Concat(telemetry.Metrics.Select(m => m.Resource.ServiceName))
            .Concat(telemetry.Logs.Select(l => l.Resource.ServiceName))
            .Distinct()
            .Select(name => name ?? "(no service.name)");
        var spanNames = telemetry.Spans.Select(s => $"{s.Kind} '{s.Name}'").Distinct().Take(20);
        return $"{telemetry.Exports.Count} exports from [{string.Join(", ", services)}]: " +
            $"{telemetry.Spans.Count} spans [{string.Join(", ", spanNames)}], " +
            $"{telemetry.Metrics.Select(m => m.Name).Distinct().Count()} distinct metrics, {telemetry.Logs.Count} log records";
    }
}
