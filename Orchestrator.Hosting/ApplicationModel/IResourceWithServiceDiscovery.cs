namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A service that others reach through its endpoints (<c>services__{name}__{scheme}__{i}</c>).</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;
