using System.CommandLine;
using System.Globalization;

namespace Orchestrator.Api.CommandLine;

/// <summary>The subcommands that talk to a running orchestrator's API.</summary>
internal sealed class ApiCommands(CommandLineContext context, CommandLineOptions options)
{
    /// <summary>The commands that act on one resource, each a POST to <c>/api/v1/resources/{name}/{command}</c>.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> ResourceCommands =
    [
        ("restart", "Restart a resource's replicas (409 if it cannot be restarted now)"),
        ("stop", "Stop a resource; it stays stopped until started (not an error in status)"),
        ("start", "Start a stopped resource"),
        ("release", "Release a quarantined resource: its restart ladder starts over"),
    ];

    public IEnumerable<Command> Create()
    {
        yield return Status();
        yield return Resources();
        yield return Logs();
        foreach (var (name, description) in ResourceCommands)
        {
            yield return ResourceCommand(name, description);
        }

        yield return History();
    }

    private Command Status()
    {
        var command = new Command("status", "The system's status: verdict, resources, errors, warnings, figures. Exit 1 unless Healthy");
        command.SetAction((parse, ct) => RunAsync(parse, async (client, json) =>
        {
            var answer = await client.GetAsync("api/v1/status", ct).ConfigureAwait(false);
            if (json)
            {
                context.Output.WriteLine(answer.Body);
            }
            else
            {
                StatusView.Write(context.Output, answer.Json);
            }

            return StatusView.IsHealthy(answer.Json) ? CliExitCodes.Ok : CliExitCodes.Unhealthy;
        }, ct));
        return command;
    }

    private Command Resources()
    {
        var type = new Option<string?>("--type") { Description = "Only resources of this type (project, executable, postgres, postgres-database, redis, external)" };
        var state = new Option<string?>("--state") { Description = "Only resources in this state (Running, Stopped, Quarantined...)" };
        var command = new Command("resources", "Every resource: type, state, health, replicas, restarts, circuit, URLs") { type, state };
        command.SetAction((parse, ct) => RunAsync(parse, async (client, json) =>
        {
            var answer = await client.GetAsync("api/v1/resources" + Query(("type", parse.GetValue(type)), ("state", parse.GetValue(state))), ct).ConfigureAwait(false);
            if (json)
            {
                context.Output.WriteLine(answer.Body);
            }
            else
            {
                ResourceTable.Write(context.Output, answer.Json.ValueKind == System.Text.Json.JsonValueKind.Array ? answer.Json.EnumerateArray() : []);
            }

            return CliExitCodes.Ok;
        }, ct));
        return command;
    }

    private Command Logs()
    {
        var name = new Argument<string>("NAME") { Description = "The resource" };
        var replica = new Option<string?>("--replica", "-r") { Description = "Only this replica's lines (e.g. catalog-1)" };
        var tail = new Option<int>("--tail", "-n") { Description = "How many recent lines (1-10000)", DefaultValueFactory = _ => 100 };
        tail.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10000)
            {
                result.AddError("--tail must be between 1 and 10000.");
            }
        });
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines until Ctrl+C" };
        var command = new Command("logs", "A resource's recent output lines, oldest first") { name, replica, tail, follow };
        command.SetAction((parse, ct) => RunAsync(parse, async (client, json) =>
        {
            var resource = parse.GetValue(name)!;
            var path = $"api/v1/resources/{Uri.EscapeDataString(resource)}/logs" + Query(
                ("replica", parse.GetValue(replica)), ("tail", parse.GetValue(tail).ToString(CultureInfo.InvariantCulture)));
            if (parse.GetValue(follow))
            {
                return await new LogFollower(client, resource, parse.GetValue(replica), json, context.Output, context.Error, context.Follow)
                    .RunAsync(path, ct).ConfigureAwait(false);
            }

            var answer = await client.GetAsync(path, ct).ConfigureAwait(false);
            if (json)
            {
                context.Output.WriteLine(answer.Body);
                return CliExitCodes.Ok;
            }

            foreach (var line in JsonText.Items(answer.Json, "lines"))
            {
                context.Output.WriteLine(LogLineFormat.Format(line));
            }

            return CliExitCodes.Ok;
        }, ct));
        return command;
    }

    private Command ResourceCommand(string verb, string description)
    {
        var name = new Argument<string>("NAME") { Description = "The resource" };
        var command = new Command(verb, description) { name };
        command.SetAction((parse, ct) => RunAsync(parse, async (client, json) =>
        {
            var resource = parse.GetValue(name)!;
            var answer = await client.PostAsync($"api/v1/resources/{Uri.EscapeDataString(resource)}/{verb}", ct).ConfigureAwait(false);
            context.Output.WriteLine(json ? answer.Body : $"{verb} '{resource}': {JsonText.String(answer.Json, "status") ?? "accepted"}");
            return CliExitCodes.Ok;
        }, ct));
        return command;
    }

    private Command History()
    {
        var name = new Argument<string?>("NAME") { Description = "Only this resource's records", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit", "-n") { Description = "How many records, newest first (1-1000)", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--limit must be between 1 and 1000.");
            }
        });
        var command = new Command("history", "The healing history: failures detected, restarts, circuits, quarantines, newest first") { name, limit };
        command.SetAction((parse, ct) => RunAsync(parse, async (client, json) =>
        {
            var answer = await client.GetAsync("api/v1/healing-history" + Query(
                ("resource", parse.GetValue(name)), ("limit", parse.GetValue(limit).ToString(CultureInfo.InvariantCulture))), ct).ConfigureAwait(false);
            if (json)
            {
                context.Output.WriteLine(answer.Body);
            }
            else
            {
                HistoryTable.Write(context.Output, answer.Json);
            }

            return CliExitCodes.Ok;
        }, ct));
        return command;
    }

    // Every API command: resolve the connection, run, and turn a failure into its message and exit code.
    private async Task<int> RunAsync(ParseResult parse, Func<OrchestratorApiClient, bool, Task<int>> action, CancellationToken cancellationToken)
    {
        var json = parse.GetValue(options.Json);
        try
        {
            var connection = ApiConnection.Resolve(
                parse.GetValue(options.Url), parse.GetValue(options.ApiKey), context.Environment, context.SecretsDirectory, context.ConfiguredPort, context.ApiUrlFile);
            using var client = new OrchestratorApiClient(connection);
            return await action(client, json).ConfigureAwait(false);
        }
        catch (CommandLineException ex)
        {
            if (json && ex.ResponseBody is { Length: > 0 } body)
            {
                await context.Output.WriteLineAsync(body).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliExitCodes.Ok;
        }
    }

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? string.Empty : "?" + string.Join("&", present);
    }
}
