namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A resource that listens on network endpoints (<see cref="EndpointAnnotation"/>).</summary>
public interface IResourceWithEndpoints : IResource;
