namespace Orchestrator.Api.Tests.CommandLine;

/// <summary>A request the fake API server received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, string ApiKey);
