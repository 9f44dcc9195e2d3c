using Orchestrator.Api.Launch;
using Orchestrator.Api.Registration;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Http;

/// <summary>Every resource the API shows: the model's, in declaration order, then the registered external ones.</summary>
internal sealed class ResourceCatalog(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    LaunchOptions launchOptions,
    IExternalServiceRegistry? registry = null)
{
    public const string ExternalType = "external";

    private readonly Lazy<LaunchPlan> _plan = new(() => LaunchPlanner.Plan(model, launchOptions));

    /// <summary>The launch plan of the model (pure: the same plan the launcher runs).</summary>
    public LaunchPlan Plan => _plan.Value;

    /// <summary>The registry of external services, when one is registered.</summary>
    public IExternalServiceRegistry? Registry => registry;

    public IReadOnlyList<ApiResource> List()
    {
        var resources = model.Resources.DistinctBy(r => r.Name).Select(FromModel).ToList();
        var known = resources.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var registration in registry?.GetRegistrations() ?? [])
        {
            if (known.Add(registration.Name))
            {
                resources.Add(new ApiResource(registration.Name, ExternalType, null, registration));
            }
        }

        // Snapshots of anything else were published at run time too: show them rather than hide them.
        foreach (var name in notifications.GetSnapshots().Select(s => s.ResourceName).Distinct(StringComparer.Ordinal))
        {
            if (known.Add(name))
            {
                resources.Add(new ApiResource(name, ExternalType, null, null));
            }
        }

        return resources;
    }

    public ApiResource? Find(string name)
    {
        if (model.Find(name) is { } resource)
        {
            return FromModel(resource);
        }

        var registration = registry?.GetRegistrations().FirstOrDefault(r => r.Name == name);
        if (registration is not null)
        {
            return new ApiResource(name, ExternalType, null, registration);
        }

        return notifications.GetSnapshots(name).Count > 0 ? new ApiResource(name, ExternalType, null, null) : null;
    }

    /// <summary>True when a resource of that name exists in the model or was registered.</summary>
    public bool Exists(string name) => Find(name) is not null;

    /// <summary>The API's name of a resource type (the host's, as in a snapshot): <c>-</c> for <c>.</c>, so <c>postgres-database</c>.</summary>
    public static string TypeOf(string resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        return resourceType.Replace('.', '-');
    }

    private static ApiResource FromModel(IResource resource) => new(resource.Name, TypeOf(resource.GetResourceType()), resource, null);
}
