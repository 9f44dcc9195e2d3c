namespace Orchestrator.Hosting.Processes;

/// <summary>
/// A child that <see cref="NativeSpawn"/> started: its pid (also its process-group id), its pidfd
/// (null when it was reaped before one could be opened) and the read ends of its stdout and stderr.
/// Whoever receives it owns the descriptors.
/// </summary>
internal sealed record SpawnedProcess(int ProcessId, SafeFileDescriptor? PidFd, Stream StandardOutput, Stream StandardError);
