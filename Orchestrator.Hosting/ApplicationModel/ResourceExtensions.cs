namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>Reads a resource's annotations as the facts the rest of the host needs.</summary>
public static class ResourceExtensions
{
    /// <summary>How many replicas run (1 unless <c>WithReplicas</c> said otherwise).</summary>
    public static int GetReplicaCount(this IResource resource) =>
        resource.Annotations.LastOfType<ReplicaAnnotation>()?.Replicas ?? 1;

    /// <summary>The endpoints, in declaration order.</summary>
    public static IReadOnlyList<EndpointAnnotation> GetEndpoints(this IResource resource) =>
        resource.Annotations.OfType<EndpointAnnotation>().ToList();

    /// <summary>The resources this one waits for or references: what must be up before it starts.</summary>
    public static IEnumerable<IResource> GetDependencies(this IResource resource)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<IResource> all = resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Target)
            .Concat(resource.Annotations.OfType<ResourceReferenceAnnotation>().Select(r => r.Target));
        if (resource is IResourceWithParent child)
        {
            all = all.Prepend(child.Parent);
        }

        return all.Where(d => seen.Add(d.Name));
    }

    /// <summary>True when the resource is started only by a command.</summary>
    public static bool IsExplicitStart(this IResource resource) =>
        resource.Annotations.OfType<ExplicitStartAnnotation>().Any();

    /// <summary>True when a failure of this resource does not stop the launch.</summary>
    public static bool IsOptional(this IResource resource) =>
        resource.Annotations.OfType<OptionalResourceAnnotation>().Any();

    /// <summary>The name of replica <paramref name="index"/>: <c>catalog-0</c>, <c>catalog-1</c>.</summary>
    public static string GetReplicaName(this IResource resource, int index) => $"{resource.Name}-{index}";

    /// <summary>The resource's type as the manifest and the API name it: <c>project</c>, <c>executable</c>, <c>postgres</c>, <c>postgres.database</c>, <c>redis</c>.</summary>
    public static string GetResourceType(this IResource resource) => resource switch
    {
        ProjectResource => "project",
        PostgresServerResource => "postgres",
        PostgresDatabaseResource => "postgres.database",
        RedisResource => "redis",
        ExecutableResource => "executable",
        _ => resource.GetType().Name,
    };
}
