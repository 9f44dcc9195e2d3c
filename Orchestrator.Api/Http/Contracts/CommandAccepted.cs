namespace Orchestrator.Api.Http.Contracts;

/// <summary>The answer to a command on one resource.</summary>
public sealed record CommandAccepted(string Resource, string Command, string Status);
