using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Healing;

/// <summary>Reads a resource's restart facts from its annotations and the model.</summary>
public static class RestartPolicyResourceExtensions
{
    /// <summary>The resource's restart policy: its last <c>WithRestartPolicy</c>, or <see cref="RestartPolicyAnnotation.Default"/>.</summary>
    public static RestartPolicyAnnotation GetRestartPolicy(this IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Annotations.LastOfType<RestartPolicyAnnotation>() ?? RestartPolicyAnnotation.Default;
    }

    /// <summary>True when another resource waits for <paramref name="resource"/> to complete (<c>WaitForCompletion</c>): exit 0 means done.</summary>
    public static bool RunsToCompletion(this IResource resource, DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(model);
        return model.Resources.Any(r => r.Annotations.OfType<WaitAnnotation>()
            .Any(w => w.WaitType == WaitType.WaitForCompletion && ReferenceEquals(w.Target, resource)));
    }
}
