using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Api.Http.Contracts;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Http;

/// <summary><c>GET /api/v1/dependencies</c>: the launch phases and the dependency graph.</summary>
internal static class DependencyEndpoints
{
    public static void Map(IEndpointRouteBuilder viewer) =>
        viewer.MapGet("/dependencies", Get).WithName("GetDependencies").WithTags("Resources").Produces<DependencyGraph>();

    private static IResult Get([FromServices] ResourceCatalog catalog, [FromServices] ResourceViews views, [FromServices] ResourceNotificationService notifications)
    {
        var plan = catalog.Plan;
        var phases = plan.Phases.Select(p => new PhaseEntry(p.Number, p.Resources.Select(r => r.Name).ToList())).ToList();
        var resources = catalog.List();
        var nodes = resources.Select(r => new DependencyNode(r.Name, r.Type, views.PhaseOf(r),
            ResourceViews.StateOf(notifications.GetSnapshots(r.Name), null))).ToList();
        var edges = resources.SelectMany(r => EdgesOf(r, views)).ToList();
        return TypedResults.Ok(new DependencyGraph(phases, nodes, edges));
    }

    private static IEnumerable<DependencyEdge> EdgesOf(ApiResource resource, ResourceViews views)
    {
        if (resource.Model is not { } model)
        {
            return views.DependenciesOf(resource).Select(d => new DependencyEdge(resource.Name, d, "reference"));
        }

        var waits = model.Annotations.OfType<WaitAnnotation>().ToList();
        return model.GetDependencies().Select(dependency => new DependencyEdge(resource.Name, dependency.Name,
            waits.LastOrDefault(w => w.Target.Name == dependency.Name)?.WaitType switch
            {
                WaitType.WaitForCompletion => "waitForCompletion",
                WaitType.WaitUntilHealthy => "waitFor",
                // A database waits for its server without saying so: its parent must run first.
                _ when model is IResourceWithParent parent && parent.Parent.Name == dependency.Name => "waitFor",
                _ => "reference",
            }));
    }
}
