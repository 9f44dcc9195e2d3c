namespace Orchestrator.Hosting.Processes;

/// <summary>Everything needed to start one replica's process.</summary>
/// <param name="ReplicaName">The replica the process belongs to (<c>catalog-0</c>); names its log file.</param>
/// <param name="FileName">The program: a path, or a name looked up on PATH.</param>
/// <param name="Arguments">The arguments, passed as they are (no shell).</param>
/// <param name="WorkingDirectory">The directory the process runs in.</param>
/// <param name="Environment">Variables set on top of the AppHost's own environment.</param>
public sealed record ProcessSpec(
    string ReplicaName,
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Run as this unprivileged user when the AppHost runs as root (PostgreSQL refuses root).</summary>
    public string? RunAsUser { get; init; }

    /// <summary>The signal that asks the process to stop gracefully (SIGINT is PostgreSQL's fast shutdown).</summary>
    public ProcessSignal StopSignal { get; init; } = ProcessSignal.Terminate;

    /// <summary>How long a graceful stop may take before the whole process group is killed.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the output is also written (size-capped), or null for memory only.</summary>
    public string? LogFilePath { get; init; }

    /// <summary>Variables removed from the inherited environment (so a child does not see the AppHost's secrets).</summary>
    public IReadOnlyList<string> RemovedVariables { get; init; } = [];
}
