using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>Declares how a resource's health is checked.</summary>
public static class HealthCheckBuilderExtensions
{
    /// <summary>
    /// Checks health with an HTTP GET on one of the resource's endpoints. Without a path, tries
    /// <c>/health</c>, <c>/api/health</c>, <c>/status</c> and <c>/ping</c> and keeps the one that answers.
    /// <code>builder.AddProject("catalog", "...").WithHttpHealthCheck("/health");</code>
    /// </summary>
    /// <param name="builder">The resource's builder.</param>
    /// <param name="path">The path to GET, or null to discover it.</param>
    /// <param name="statusCode">The status code that means healthy (200 by default).</param>
    /// <param name="endpointName">The endpoint to probe; the first HTTP endpoint by default.</param>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(
        this IResourceBuilder<T> builder, string? path = null, int? statusCode = null, string? endpointName = null)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new HttpHealthCheckAnnotation(path, statusCode ?? 200, endpointName));
    }
}
