namespace Orchestrator.Api.Tests.CommandLine;

/// <summary>What a command-line run printed and returned.</summary>
internal sealed record CommandLineResult(int ExitCode, string Output, string Error);
