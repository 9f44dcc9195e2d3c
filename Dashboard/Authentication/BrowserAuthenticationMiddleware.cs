namespace Dashboard.Authentication;

/// <summary>
/// Lets through only requests with a session cookie: <c>/login</c> exchanges the browser token for one,
/// <c>/health</c> is open for the orchestrator's probe, every other page and API call without a session is
/// refused with 401 (the "token required" page for a browser, a problem for an API call).
/// </summary>
public sealed class BrowserAuthenticationMiddleware(RequestDelegate next, BrowserSessions sessions)
{
    public const string LoginPath = "/login";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        if (path.Equals("/health", StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase))
        {
            await LoginAsync(context).ConfigureAwait(false);
            return;
        }

        if (!sessions.IsAuthenticated(context))
        {
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private async Task LoginAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var token = context.Request.Query["t"].ToString();
        if (!HttpMethods.IsGet(context.Request.Method) || !sessions.IsBrowserToken(token))
        {
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.Cookies.Append(BrowserSessions.CookieName, sessions.Open(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        // Away from the URL with the token, so that it leaves the address bar and the history's current entry.
        context.Response.Redirect("/");
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(
                title: "Token required",
                detail: "Open the dashboard's login URL (printed by the AppHost) to get a session.",
                statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(TokenRequiredPage.Html, context.RequestAborted).ConfigureAwait(false);
    }
}
