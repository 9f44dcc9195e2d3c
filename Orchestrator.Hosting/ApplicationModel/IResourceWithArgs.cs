namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A resource whose process takes command-line arguments.</summary>
public interface IResourceWithArgs : IResource;
