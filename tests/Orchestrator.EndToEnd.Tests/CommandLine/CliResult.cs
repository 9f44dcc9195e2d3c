namespace Orchestrator.EndToEnd.Tests.CommandLine;

/// <summary>What a subcommand printed and the exit code it returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
