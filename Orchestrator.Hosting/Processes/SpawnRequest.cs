namespace Orchestrator.Hosting.Processes;

/// <summary>What to spawn: an executable path, its full <c>argv</c> (argv[0] first), <c>envp</c> as <c>NAME=value</c>, and the directory.</summary>
internal sealed record SpawnRequest(string Path, IReadOnlyList<string> Arguments, IReadOnlyList<string> Environment, string WorkingDirectory);
