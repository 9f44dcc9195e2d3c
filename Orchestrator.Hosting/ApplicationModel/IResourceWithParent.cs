namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A resource that lives inside another one (a database inside its server) and has no process of its own.</summary>
public interface IResourceWithParent : IResource
{
    /// <summary>The resource that hosts this one.</summary>
    IResource Parent { get; }
}
