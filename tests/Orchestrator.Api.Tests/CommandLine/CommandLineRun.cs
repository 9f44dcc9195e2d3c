using Orchestrator.Api.CommandLine;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.CommandLine;

/// <summary>Runs the command line in-process with captured output and a given environment.</summary>
internal static class CommandLineRun
{
    public static async Task<CommandLineResult> InvokeAsync(
        IReadOnlyList<string> args,
        DistributedApplicationModel? model = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? secretsDirectory = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CommandLineContext(
            model ?? new DistributedApplicationModel([]),
            Path.GetTempPath(),
            secretsDirectory,
            output,
            error,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);
        var exitCode = await OrchestratorCommandLine.InvokeAsync(args, context, CancellationToken.None);
        return new CommandLineResult(exitCode, output.ToString(), error.ToString());
    }
}
