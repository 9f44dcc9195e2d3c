namespace Orchestrator.Api.Registration;

/// <summary>How a registered external service's endpoints are probed: GET <see cref="Path"/> every <see cref="Interval"/>.</summary>
public sealed record ExternalHealthCheck(string Path, TimeSpan Interval, TimeSpan Timeout);
