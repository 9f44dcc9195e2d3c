namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A resource that others reach through a connection string (<c>ConnectionStrings__{name}</c>).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string once ports and secrets are known, in Aspire's format.</summary>
    string GetConnectionString(ResourceRuntimeContext context);
}
