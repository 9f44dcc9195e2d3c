using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Api.Tests.CommandLine;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers each "METHOD /path" with a canned status and body,
/// and records what it was asked: enough to test the command line's formatting and exit codes.
/// </summary>
internal sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _answers = new(StringComparer.Ordinal);

    private FakeApiServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeApiServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (without the query) with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public FakeApiServer Answer(string method, string path, int status, string body)
    {
        _answers[$"{method} {path}"] = (status, body);
        return this;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue(new RecordedRequest(request.Method, request.Path, request.QueryString.Value ?? string.Empty,
            request.Headers["X-Api-Key"].ToString()));
        if (!_answers.TryGetValue($"{request.Method} {request.Path}", out var answer))
        {
            answer = (404, """{"title":"Not Found","status":404,"detail":"No such route in the fake."}""");
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.Status < 400 ? "application/json" : "application/problem+json";
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }
}
