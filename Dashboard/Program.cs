using System.Security.Cryptography;
using Dashboard.Authentication;
using Dashboard.Configuration;
using Dashboard.Proxy;

// The dashboard: serves the browser app (ClientApp, built by Vite into wwwroot) and is its backend. It holds
// the orchestrator's API key and relays REST calls and the event stream; the browser only holds a session
// cookie, which it gets from the one-time login URL the AppHost prints.
var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = File.Exists(Path.Combine(webRoot, "index.html")) ? webRoot : null,
});

// Request logs would carry the login URL's token: ASP.NET Core and HttpClient speak only of problems.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

var generated = false;
var options = DashboardOptions.FromConfiguration(builder.Configuration, () =>
{
    generated = true;
    return Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
});
builder.Services.AddSingleton(options);
builder.Services.AddSingleton<BrowserSessions>();
builder.Services.AddProblemDetails();
builder.Services.AddHttpClient(OrchestratorApiProxy.ClientName, client =>
{
    client.BaseAddress = options.OrchestratorApiUrl;
    client.Timeout = TimeSpan.FromSeconds(30);
    client.DefaultRequestHeaders.Add("X-Api-Key", options.OrchestratorApiKey);
});

var app = builder.Build();

app.Use(async (context, next) =>
{
    var headers = context.Response.Headers;
    headers.XContentTypeOptions = "nosniff";
    headers.XFrameOptions = "DENY";
    headers["Referrer-Policy"] = "no-referrer";
    headers.ContentSecurityPolicy = "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
        "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    await next(context);
});
app.MapGet("/health", () => Results.Ok(new { status = "Healthy" }));
app.UseMiddleware<BrowserAuthenticationMiddleware>();
app.UseWebSockets();
app.MapEventStreamProxy();
app.MapOrchestratorApiProxy();
app.Map("/api/{**rest}", () => Results.Problem(title: "Not found", statusCode: StatusCodes.Status404NotFound));
app.UseStaticFiles();
app.MapFallbackToFile("index.html", new StaticFileOptions
{
    OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-store",
});

if (generated)
{
    // Run by hand, without the AppHost: the one place the generated token appears is this console.
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        foreach (var address in app.Urls)
        {
            Console.Out.WriteLine($"Dashboard: {address.TrimEnd('/')}/login?t={options.BrowserToken}");
        }
    });
}

app.Run();
