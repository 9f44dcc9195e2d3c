using System.Collections.ObjectModel;

namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>The ordered annotations of one resource.</summary>
public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>
{
    /// <summary>All annotations of type <typeparamref name="T"/>, in the order they were added.</summary>
    public IEnumerable<T> OfType<T>() where T : IResourceAnnotation => Items.OfType<T>();

    /// <summary>The last annotation of type <typeparamref name="T"/>, or null: a later call of the same builder method wins.</summary>
    public T? LastOfType<T>() where T : class, IResourceAnnotation => Items.OfType<T>().LastOrDefault();
}
