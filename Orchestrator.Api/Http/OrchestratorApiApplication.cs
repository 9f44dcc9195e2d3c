using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Security;

namespace Orchestrator.Api.Http;

/// <summary>The API web host's services and pipeline: problem details, key, rate limit, role, routes.</summary>
internal static class OrchestratorApiApplication
{
    public static void ConfigureServices(IServiceCollection services, OrchestratorApiOptions options, ApiKeys keys, IServiceProvider appHost)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddRateLimiter(limiter => ApiRateLimiting.Configure(limiter, options));
        services.AddSingleton(options);
        services.AddSingleton(new ApiKeyValidator(keys));
        services.AddSingleton(new JsonBodyReader(options));
        services.AddOpenApi(ApiOpenApi.Configure);
        // The orchestrator's services are the AppHost's; requests reach them through FallbackServiceProvider.
        services.AddSingleton(new AppHostServices(appHost));
    }

    public static void Configure(WebApplication app, IServiceProvider appHost)
    {
        var statistics = app.Services.GetRequiredService<AppHostServices>().Get<RequestStatistics>();
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                statistics.Record(context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
            }
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A client's broken request is the client's 4xx; anything else is a 500 with no details, and the process goes on.
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // Every error answer is a problem, whatever the client accepts (the default would write text/plain for Accept: text/html).
        app.UseStatusCodePages(context => ApiProblems.ForStatus(context.HttpContext).ExecuteAsync(context.HttpContext));
        app.Use((context, next) =>
        {
            context.RequestServices = new FallbackServiceProvider(context.RequestServices, appHost);
            return next(context);
        });
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseRateLimiter();
        app.UseRouting();
        app.UseMiddleware<ApiAuthorizationMiddleware>();
        app.UseWebSockets();
        ApiRoutes.Map(app);
    }
}
