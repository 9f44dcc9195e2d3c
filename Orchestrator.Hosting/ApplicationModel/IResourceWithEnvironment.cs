namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A resource whose process takes environment variables, references and waits.</summary>
public interface IResourceWithEnvironment : IResource;
