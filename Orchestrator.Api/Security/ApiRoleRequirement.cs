namespace Orchestrator.Api.Security;

/// <summary>Endpoint metadata: the least role that may call the endpoint. Endpoints without it are open (<c>/health</c>).</summary>
/// <param name="Role">The least role.</param>
public sealed record ApiRoleRequirement(ApiRole Role);
