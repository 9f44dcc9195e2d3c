namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>The base of every resource: a name and a bag of annotations.</summary>
public abstract class Resource : IResource
{
    protected Resource(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => $"{GetType().Name} '{Name}'";
}
