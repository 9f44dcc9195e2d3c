using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Hosting.Tests.Health;

/// <summary>A real HTTP server on a loopback port whose answers per path the test sets, and which counts hits.</summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentDictionary<string, bool> _hanging = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<TestHttpServer> StartAsync()
    {
        var server = new TestHttpServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        server.BaseUrl = app.Urls.Single();
        return server;
    }

    /// <summary>From now on, <paramref name="path"/> answers <paramref name="status"/> (unknown paths answer 404).</summary>
    public void Answer(string path, int status) => _statuses[path] = status;

    /// <summary>From now on, <paramref name="path"/> never answers.</summary>
    public void Hang(string path) => _hanging[path] = true;

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public void ResetHits() => _hits.Clear();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (_hanging.ContainsKey(path))
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }

        context.Response.StatusCode = _statuses.GetValueOrDefault(path, 404);
    }
}
