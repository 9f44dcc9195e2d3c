namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A named part of the application. Everything else about it is an annotation.</summary>
public interface IResource
{
    /// <summary>The resource's unique name in the model (lower-case letters, digits and dashes).</summary>
    string Name { get; }

    /// <summary>The annotations that give the resource its behaviour.</summary>
    ResourceAnnotationCollection Annotations { get; }
}
