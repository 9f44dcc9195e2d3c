using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Hosting.Manifest;
using Orchestrator.Hosting.Validation;

namespace Orchestrator.Api.CommandLine;

/// <summary>The subcommands that work on the AppHost's model alone, with no orchestrator running.</summary>
internal sealed class ModelCommands(CommandLineContext context, CommandLineOptions options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public IEnumerable<Command> Create()
    {
        yield return Validate();
        yield return Manifest();
    }

    private Command Validate()
    {
        var command = new Command("validate", "Check the model without starting anything; print each problem. Exit 1 when there is any");
        command.SetAction(parse =>
        {
            var problems = ModelValidator.Validate(context.Model);
            if (parse.GetValue(options.Json))
            {
                var problemList = new JsonArray([.. problems.Select(p => new JsonObject { ["resource"] = p.ResourceName, ["message"] = p.Message })]);
                context.Output.WriteLine(new JsonObject
                {
                    ["valid"] = problems.Count == 0,
                    ["resources"] = context.Model.Resources.Count,
                    ["problems"] = problemList,
                }.ToJsonString(Json));
            }
            else if (problems.Count == 0)
            {
                context.Output.WriteLine($"The model is valid: {context.Model.Resources.Count} resource(s).");
            }
            else
            {
                WriteProblems(context.Output, problems);
            }

            return problems.Count == 0 ? CliExitCodes.Ok : CliExitCodes.Unhealthy;
        });
        return command;
    }

    private Command Manifest()
    {
        var file = new Option<FileInfo?>("--output", "-o") { Description = "Write the manifest to this file (paths relative to it) instead of stdout" };
        var command = new Command("manifest", "Print the model's JSON manifest (secrets by name, never by value). Exit 1 if the model is invalid") { file };
        command.SetAction(async (parse, ct) =>
        {
            // A manifest is meant to be run elsewhere: one that cannot run is no use there.
            var problems = ModelValidator.Validate(context.Model);
            if (problems.Count > 0)
            {
                WriteProblems(context.Error, problems);
                return CliExitCodes.Unhealthy;
            }

            try
            {
                if (parse.GetValue(file) is { } target)
                {
                    await ManifestWriter.WriteFileAsync(context.Model, target.FullName, ct).ConfigureAwait(false);
                    await context.Error.WriteLineAsync($"Manifest written to {target.FullName}.").ConfigureAwait(false);
                }
                else
                {
                    await context.Output.WriteLineAsync(
                        ManifestWriter.Write(context.Model, new ManifestWriterOptions { BaseDirectory = context.AppHostDirectory })).ConfigureAwait(false);
                }

                return CliExitCodes.Ok;
            }
            catch (InvalidOperationException ex)
            {
                // A resource the manifest cannot describe: the model is fine to run here, not to write down.
                await context.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return CliExitCodes.Unhealthy;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"error: cannot write the manifest: {ex.Message}").ConfigureAwait(false);
                return CliExitCodes.Usage;
            }
        });
        return command;
    }

    private static void WriteProblems(TextWriter writer, IReadOnlyList<ModelProblem> problems)
    {
        writer.WriteLine($"The model has {problems.Count} problem(s):");
        foreach (var problem in problems)
        {
            writer.WriteLine($"  - {problem.Message}");
        }
    }
}
