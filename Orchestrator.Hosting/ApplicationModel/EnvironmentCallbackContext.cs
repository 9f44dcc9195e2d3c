namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>What an <see cref="EnvironmentCallbackAnnotation"/> sees: the replica, the runtime, and the variables to fill.</summary>
public sealed class EnvironmentCallbackContext(ResourceRuntimeContext runtime, int replicaIndex, IDictionary<string, string> environment)
{
    public ResourceRuntimeContext Runtime { get; } = runtime;

    public int ReplicaIndex { get; } = replicaIndex;

    public IDictionary<string, string> Environment { get; } = environment;
}
