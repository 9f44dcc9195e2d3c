namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>Marks a piece of data attached to a resource. New behaviour arrives as a new annotation.</summary>
public interface IResourceAnnotation;
