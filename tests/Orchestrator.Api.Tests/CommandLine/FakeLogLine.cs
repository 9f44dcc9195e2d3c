namespace Orchestrator.Api.Tests.CommandLine;

/// <summary>One output line as the API and the stream show it.</summary>
internal sealed record FakeLogLine(string Replica, DateTimeOffset Timestamp, string Text);
