using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Balancing;

/// <summary>Gives a resource's replicas a weight for the weighted balancing strategy.</summary>
public static class WeightResourceBuilderExtensions
{
    /// <summary>
    /// Each replica of the resource weighs <paramref name="weight"/> in weighted balancing (1 by default):
    /// a replica of weight 3 gets three picks for each pick of a replica of weight 1.
    /// <code>builder.AddProject("catalog", "../Catalog").WithReplicas(2).WithWeight(3);</code>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is below 1.</exception>
    public static IResourceBuilder<T> WithWeight<T>(this IResourceBuilder<T> builder, int weight) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (weight < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight,
                $"Resource '{builder.Resource.Name}' has weight {weight}; a weight must be at least 1.");
        }

        return builder.WithAnnotation(new WeightAnnotation(weight));
    }
}
