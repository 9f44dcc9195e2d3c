namespace Orchestrator.Api.Http.Contracts;

/// <summary>The answer to a command on every resource: the resources it applies to.</summary>
public sealed record BulkCommandAccepted(string Command, IReadOnlyList<string> Resources);
