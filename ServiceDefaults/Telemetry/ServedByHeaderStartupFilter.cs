using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Microsoft.Extensions.Hosting.Telemetry;

/// <summary>
/// Stamps every response with <c>X-Served-By: {instance}</c>, first in the pipeline, so a caller of a
/// balanced service (and a person with curl) sees which replica answered.
/// </summary>
internal sealed class ServedByHeaderStartupFilter(ServiceIdentity identity) : IStartupFilter
{
    /// <summary>The response header that names the replica.</summary>
    public const string HeaderName = "X-Served-By";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Response.Headers[HeaderName] = identity.InstanceId;
            return nextMiddleware(context);
        });
        next(app);
    };
}
