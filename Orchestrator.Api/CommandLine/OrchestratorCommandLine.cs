using System.CommandLine;
using System.Globalization;
using System.CommandLine.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Hosting;

namespace Orchestrator.Api.CommandLine;

/// <summary>
/// The AppHost's subcommands: <c>dotnet run --project AppHost -- status</c>. <c>validate</c> and <c>manifest</c>
/// work on the model alone; the others talk to a running orchestrator's API. Exit codes are in <see cref="CliExitCodes"/>.
/// </summary>
public static class OrchestratorCommandLine
{
    /// <summary>Every subcommand; an AppHost whose first argument is one of them runs it instead of launching.</summary>
    public static IReadOnlySet<string> Subcommands { get; } = new HashSet<string>(
        ["status", "resources", "logs", .. ApiCommands.ResourceCommands.Select(c => c.Name), "history", "validate", "manifest"],
        StringComparer.Ordinal);

    private const string Description = """
        The AppHost's commands; without one, the AppHost launches its model.
        Exit codes: 0 ok; 1 unhealthy or invalid (status not Healthy, validate found problems); 2 usage error;
        3 cannot reach the orchestrator; 4 key refused (401/403); 5 not found (404); 6 conflict (409); 7 other server error.
        """;

    /// <summary>True when <paramref name="args"/> start with a subcommand, or ask for help (which lists them).</summary>
    public static bool IsCommand(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0 && (Subcommands.Contains(args[0]) || args[0] is "--help" or "-h" or "-?");
    }

    /// <summary>Runs the subcommand in <paramref name="args"/> against <paramref name="application"/>'s model and state directory.</summary>
    /// <returns>The exit code (<see cref="CliExitCodes"/>).</returns>
    public static Task<int> RunAsync(DistributedApplication application, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var paths = application.Services.GetRequiredService<HostingPaths>();
        var configuredPort = application.Services.GetService<IConfiguration>()?["Orchestrator:Api:Port"] is { } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : (int?)null;
        var context = new CommandLineContext(application.Model, paths.AppHostDirectory, paths.SecretsDirectory, output, error,
            System.Environment.GetEnvironmentVariable, configuredPort, paths.ApiUrlFile);
        return InvokeAsync(args, context, cancellationToken);
    }

    internal static async Task<int> InvokeAsync(IReadOnlyList<string> args, CommandLineContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var options = new CommandLineOptions();
        var root = new RootCommand(Description);
        options.AddTo(root);
        foreach (var command in new ApiCommands(context, options).Create().Concat(new ModelCommands(context, options).Create()))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var parseError in parse.Errors)
            {
                await context.Error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("Run with --help to see the commands and their options.").ConfigureAwait(false);
            return CliExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Output,
            Error = context.Error,
            // The caller owns Ctrl+C (the AppHost turns SIGINT/SIGTERM into the token), and errors stay ours to word.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
