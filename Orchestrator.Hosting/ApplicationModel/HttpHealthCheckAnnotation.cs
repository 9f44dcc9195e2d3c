namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>
/// The resource is healthy when an HTTP GET of <see cref="Path"/> on one of its endpoints answers
/// <see cref="StatusCode"/>. A null path tries <c>/health</c>, <c>/api/health</c>, <c>/status</c>
/// and <c>/ping</c> in turn.
/// </summary>
public sealed record HttpHealthCheckAnnotation(string? Path, int StatusCode = 200, string? EndpointName = null) : IResourceAnnotation;
