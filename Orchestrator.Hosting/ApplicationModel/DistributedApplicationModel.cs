namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>The whole application: its resources in the order they were declared.</summary>
public sealed class DistributedApplicationModel(IEnumerable<IResource> resources)
{
    /// <summary>The resources, in declaration order.</summary>
    public IReadOnlyList<IResource> Resources { get; } = resources.ToList();

    /// <summary>The resource named <paramref name="name"/>, or null.</summary>
    public IResource? Find(string name) => Resources.FirstOrDefault(r => r.Name == name);
}
