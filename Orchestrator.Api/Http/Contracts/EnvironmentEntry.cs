namespace Orchestrator.Api.Http.Contracts;

/// <summary>One environment variable; a secret one shows <c>********</c>.</summary>
public sealed record EnvironmentEntry(string Name, string Value, bool Secret);
