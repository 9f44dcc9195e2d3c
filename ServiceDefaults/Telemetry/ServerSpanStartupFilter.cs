using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting.Health;

namespace Microsoft.Extensions.Hosting.Telemetry;

/// <summary>
/// Completes ASP.NET Core's server span, first in the pipeline. The built-in <c>Microsoft.AspNetCore</c> activity
/// carries no HTTP semantics (that was OpenTelemetry's instrumentation package, which does not restore here), so
/// this sets what OpenTelemetry's HTTP conventions ask for: method, path, route, status, and the name
/// <c>{method} {route}</c>. Probes of <c>/health</c> and <c>/alive</c> arrive every few seconds and say nothing
/// about the service's work: their span is unmarked as recorded, so no exporter sees it.
/// </summary>
internal sealed class ServerSpanStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(EnrichAsync);
        next(app);
    };

    private static async Task EnrichAsync(HttpContext context, RequestDelegate next)
    {
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is null || !activity.IsAllDataRequested)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var request = context.Request;
        if (IsProbe(request.Path))
        {
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            activity.IsAllDataRequested = false;
            await next(context).ConfigureAwait(false);
            return;
        }

        var method = KnownMethod(request.Method);
        activity.SetTag("http.request.method", method);
        if (method != request.Method)
        {
            activity.SetTag("http.request.method_original", request.Method);
        }

        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("url.path", request.Path.Value);
        activity.SetTag("server.address", request.Host.Host);
        if (request.Host.Port is { } port)
        {
            activity.SetTag("server.port", port);
        }

        activity.SetTag("network.protocol.version", ProtocolVersion(request.Protocol));
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The server turns an escaped exception into a 500; the span says so and names the exception.
            Complete(activity, context, StatusCodes.Status500InternalServerError, exception.GetType().FullName);
            throw;
        }

        Complete(activity, context, context.Response.StatusCode, errorType: null);
    }

    private static void Complete(Activity activity, HttpContext context, int statusCode, string? errorType)
    {
        var method = KnownMethod(context.Request.Method);
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (!string.IsNullOrEmpty(route))
        {
            activity.SetTag("http.route", route);
        }

        activity.DisplayName = string.IsNullOrEmpty(route) ? method : $"{method} {route}";
        activity.SetTag("http.response.status_code", statusCode);
        // Server spans are errors for 5xx only: a 404 or 400 is the client's mistake, not the service's.
        if (statusCode >= StatusCodes.Status500InternalServerError)
        {
            activity.SetTag("error.type", errorType ?? statusCode.ToString(CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    private static bool IsProbe(PathString path) =>
        path.Equals(HealthEndpointDefaults.HealthPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(HealthEndpointDefaults.AlivePath, StringComparison.OrdinalIgnoreCase);

    // The conventions fix the set of methods so a client cannot blow up the cardinality with made-up ones.
    private static string KnownMethod(string method) => method switch
    {
        _ when HttpMethods.IsGet(method) => HttpMethods.Get,
        _ when HttpMethods.IsPost(method) => HttpMethods.Post,
        _ when HttpMethods.IsPut(method) => HttpMethods.Put,
        _ when HttpMethods.IsDelete(method) => HttpMethods.Delete,
        _ when HttpMethods.IsPatch(method) => HttpMethods.Patch,
        _ when HttpMethods.IsHead(method) => HttpMethods.Head,
        _ when HttpMethods.IsOptions(method) => HttpMethods.Options,
        _ when HttpMethods.IsTrace(method) => HttpMethods.Trace,
        _ when HttpMethods.IsConnect(method) => HttpMethods.Connect,
        _ => "_OTHER",
    };

    private static string ProtocolVersion(string protocol) => protocol switch
    {
        "HTTP/1.0" => "1.0",
        "HTTP/1.1" => "1.1",
        "HTTP/2" => "2",
        "HTTP/3" => "3",
        _ => protocol,
    };
}
