using Orchestrator.Api.Registration;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Http;

/// <summary>A resource the API knows: one of the model, or an external service registered at run time.</summary>
/// <param name="Name">The resource's name.</param>
/// <param name="Type">Its type as the API names it (<c>project</c>, <c>postgres-database</c>, <c>external</c>...).</param>
/// <param name="Model">The model resource, or null for an external one.</param>
/// <param name="Registration">The registration of an external one, when the registry has it.</param>
internal sealed record ApiResource(string Name, string Type, IResource? Model, ExternalServiceRegistration? Registration)
{
    /// <summary>True for a service registered at run time (it is monitored and balanced, never started or stopped).</summary>
    public bool IsExternal => Model is null;
}
