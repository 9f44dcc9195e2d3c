using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Drivers;

/// <summary>What every driver reads the same way from a replica.</summary>
internal static class ReplicaContextExtensions
{
    /// <summary>The replica's log file: <c>{state}/logs/{replica}.log</c>.</summary>
    public static string GetLogFilePath(this ReplicaContext replica) =>
        Path.Combine(replica.Runtime.LogDirectory, replica.ReplicaName + ".log");

    /// <summary>The arguments of every <see cref="CommandLineArgsAnnotation"/>, in the order they were added.</summary>
    public static IReadOnlyList<string> GetCommandLineArgs(this ReplicaContext replica) =>
        replica.Resource.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args).ToList();

    /// <summary>The replica's endpoint named <paramref name="endpointName"/>.</summary>
    public static AllocatedEndpoint GetEndpoint(this ReplicaContext replica, string endpointName) =>
        replica.Runtime.GetEndpoint(replica.Resource, endpointName, replica.Index);
}
