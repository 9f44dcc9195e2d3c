namespace Orchestrator.Api.Registration;

/// <summary>A service the orchestrator did not launch but monitors and balances (type <c>external</c>).</summary>
public sealed record ExternalServiceRegistration(
    string Name,
    string Type,
    IReadOnlyList<ExternalEndpoint> Endpoints,
    ExternalHealthCheck? HealthCheck,
    IReadOnlyList<string> Dependencies);
