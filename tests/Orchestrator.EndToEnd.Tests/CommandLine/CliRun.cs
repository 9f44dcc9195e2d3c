using Orchestrator.Api.CommandLine;
using Orchestrator.Hosting;

namespace Orchestrator.EndToEnd.Tests.CommandLine;

/// <summary>Runs an AppHost subcommand in-process, as <c>dotnet run --project AppHost -- ARGS</c> would, with its output captured.</summary>
internal static class CliRun
{
    public static async Task<CliResult> RunAsync(DistributedApplication app, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        using var output = new OutputCollector();
        using var error = new OutputCollector();
        var exitCode = await OrchestratorCommandLine.RunAsync(app, args, output, error, cancellationToken);
        return new CliResult(exitCode, output.Text, error.Text);
    }
}
