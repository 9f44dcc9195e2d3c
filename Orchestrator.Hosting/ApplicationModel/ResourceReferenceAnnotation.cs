namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>
/// The resource uses <see cref="Target"/>: it receives its connection string
/// (<c>ConnectionStrings__{name}</c>) or its endpoints (<c>services__{name}__{scheme}__{i}</c>).
/// </summary>
/// <param name="Target">The referenced resource.</param>
/// <param name="ConnectionName">The name under which the reference is injected; the target's name when null.</param>
public sealed record ResourceReferenceAnnotation(IResource Target, string? ConnectionName = null) : IResourceAnnotation
{
    /// <summary>The name used in the injected variable names.</summary>
    public string EffectiveName => ConnectionName ?? Target.Name;
}
