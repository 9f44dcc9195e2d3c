using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Api.Security;

namespace Orchestrator.Api.Http;

/// <summary>Every route of the API: <c>/health</c> open, the rest under <c>/api/v1</c> for viewers or operators.</summary>
internal static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    public static void Map(IEndpointRouteBuilder routes)
    {
        HealthEndpoints.Map(routes);
        routes.MapOpenApi().WithMetadata(new ApiRoleRequirement(ApiRole.Viewer));

        var viewer = routes.MapGroup(Prefix).WithMetadata(new ApiRoleRequirement(ApiRole.Viewer));
        StatusEndpoints.Map(viewer);
        ResourceEndpoints.Map(viewer);
        LogEndpoints.Map(viewer);
        DependencyEndpoints.Map(viewer);
        HealingHistoryEndpoints.Map(viewer);
        LoadBalancerEndpoints.Map(viewer);
        StreamEndpoints.Map(viewer);

        var operatorRoutes = routes.MapGroup(Prefix).WithMetadata(new ApiRoleRequirement(ApiRole.Operator));
        CommandEndpoints.Map(operatorRoutes);
        RegistrationEndpoints.Map(operatorRoutes);
    }
}
