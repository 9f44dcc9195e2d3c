namespace Orchestrator.Api.Http.Contracts;

/// <summary>The body of <c>POST /api/v1/resources</c>: an external service to monitor and balance.</summary>
public sealed record RegistrationRequest(
    string? Name,
    string? Type,
    IReadOnlyList<EndpointRequest>? Endpoints,
    HealthCheckRequest? HealthCheck,
    int? Weight,
    IReadOnlyList<string>? Dependencies);
