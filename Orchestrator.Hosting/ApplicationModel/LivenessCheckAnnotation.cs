namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>
/// The replica is alive when an HTTP GET of <see cref="Path"/> on one of its endpoints answers
/// <see cref="StatusCode"/>. Kept apart from the readiness check, as Kubernetes does: a failing
/// liveness check leads to a restart, a failing readiness check only takes the replica out of load
/// balancing. Without this annotation the readiness check also serves as the liveness check.
/// </summary>
/// <param name="Path">The path to GET: <c>/alive</c>, the path ServiceDefaults maps, unless told otherwise.</param>
/// <param name="StatusCode">The status code that means alive.</param>
/// <param name="EndpointName">The endpoint to probe; the first HTTP endpoint when null.</param>
public sealed record LivenessCheckAnnotation(string Path = LivenessCheckAnnotation.DefaultPath, int StatusCode = 200, string? EndpointName = null)
    : IResourceAnnotation
{
    /// <summary>The path a liveness check GETs unless told otherwise: <c>/alive</c>.</summary>
    public const string DefaultPath = "/alive";
}
