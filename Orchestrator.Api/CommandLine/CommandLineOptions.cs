using System.CommandLine;

namespace Orchestrator.Api.CommandLine;

/// <summary>The options every subcommand accepts (they are recursive: <c>status --json</c>).</summary>
internal sealed class CommandLineOptions
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The orchestrator API's base URL [default: ${ApiConnection.UrlVariable}, else http://127.0.0.1:${{{ApiConnection.PortVariable}:-{ApiConnection.DefaultPort}}}]",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The API key [default: ${ApiConnection.KeyVariable}, else the operator key in the state directory's secrets/{ApiConnection.OperatorKeyFileName}]",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the API's JSON as is (one object per line for logs --follow), for scripts",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(ApiKey);
        command.Options.Add(Json);
    }
}
