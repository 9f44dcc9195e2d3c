using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Api.Tests.CommandLine;

/// <summary>
/// An orchestrator as <c>logs --follow</c> sees it, on a port a test chooses (so that it can come back on
/// it): a logs route with a fixed tail, and a stream that sends fixed live lines once a client subscribes.
/// Disposing it drops every connection, as an orchestrator that goes away does.
/// </summary>
internal sealed class FakeLogStream : IAsyncDisposable
{
    public const string Resource = "svc";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication _app;

    private FakeLogStream(WebApplication app) => _app = app;

    public static async Task<FakeLogStream> StartAsync(int port, IReadOnlyList<FakeLogLine> tail, IReadOnlyList<FakeLogLine> live)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet($"/api/v1/resources/{Resource}/logs", () => Results.Json(new { resource = Resource, lines = tail.Select(Shape) }, Json));
        app.Map("/api/v1/stream", context => ServeAsync(context, live));
        await app.StartAsync();
        return new FakeLogStream(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task ServeAsync(HttpContext context, IReadOnlyList<FakeLogLine> live)
    {
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        await socket.ReceiveAsync(buffer, stopping); // the subscription
        foreach (var line in live)
        {
            var frame = JsonSerializer.SerializeToUtf8Bytes(new { type = "log", line.Replica, line.Timestamp, stream = "stdout", line.Text, resource = Resource }, Json);
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, stopping);
        }

        try
        {
            await socket.ReceiveAsync(buffer, stopping);
        }
        catch (OperationCanceledException)
        {
            // Going away: the connection drops without a close handshake, as when a process dies.
            socket.Abort();
        }
    }

    private static object Shape(FakeLogLine line) => new { line.Replica, line.Timestamp, stream = "stdout", line.Text };
}
