using System.Text.RegularExpressions;

namespace Dashboard.Proxy;

/// <summary>
/// Relays the browser's REST calls to the orchestrator with the dashboard's key, so that the browser never
/// holds it. Reads pass through; of the writes only the commands the dashboard offers do.
/// </summary>
public static partial class OrchestratorApiProxy
{
    /// <summary>The named <see cref="HttpClient"/> that carries the key.</summary>
    public const string ClientName = "orchestrator";

    /// <summary>The header every write must carry: a cross-site form or image cannot set it.</summary>
    public const string RequestHeader = "X-Dashboard-Request";

    public static IEndpointRouteBuilder MapOrchestratorApiProxy(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/v1/{**path}", ForwardAsync);
        endpoints.MapPost("/api/v1/resources/{name}/{command}", ForwardAsync);
        endpoints.MapPost("/api/v1/resources/{command}", ForwardAsync);
        return endpoints;
    }

    private static async Task ForwardAsync(HttpContext context, IHttpClientFactory clients, ILoggerFactory loggers)
    {
        var request = context.Request;
        var isWrite = HttpMethods.IsPost(request.Method);
        if (isWrite && (!request.Headers.ContainsKey(RequestHeader) || !CommandPath().IsMatch(request.Path.Value ?? string.Empty)))
        {
            await Results.Problem(title: "Not allowed", detail: "The dashboard relays only its own commands.", statusCode: StatusCodes.Status403Forbidden)
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var target = (request.Path.Value ?? "/").TrimStart('/') + request.QueryString.Value;
        using var message = new HttpRequestMessage(isWrite ? HttpMethod.Post : HttpMethod.Get, target);
        message.Headers.Accept.ParseAdd("application/json");
        if (isWrite)
        {
            message.Content = new ByteArrayContent([]);
        }

        var client = clients.CreateClient(ClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !context.RequestAborted.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(OrchestratorApiProxy)).LogWarning("The orchestrator API did not answer {Method} {Path}: {Error}",
                request.Method, request.Path.Value, e.Message);
            await Results.Problem(title: "The orchestrator is unreachable", detail: e.Message, statusCode: StatusCodes.Status502BadGateway)
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.Headers.CacheControl = "no-store";
            if (response.Content.Headers.ContentType is { } contentType)
            {
                context.Response.ContentType = contentType.ToString();
            }

            if (response.Headers.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString();
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("^/api/v1/resources/(?:[a-z][a-z0-9-]{0,62}/(?:start|stop|restart|release)|start|stop|restart)$")]
    private static partial Regex CommandPath();
}
