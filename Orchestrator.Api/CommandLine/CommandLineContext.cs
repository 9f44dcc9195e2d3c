using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.CommandLine;

/// <summary>What a command works with: the AppHost's model and paths, where to write, and the environment to read.</summary>
/// <param name="Model">The AppHost's model, not validated yet (<c>validate</c> does that).</param>
/// <param name="AppHostDirectory">The AppHost project's directory: the manifest's paths are relative to it.</param>
/// <param name="SecretsDirectory">The state directory's secrets, where the operator key file is; null to look nowhere.</param>
/// <param name="Output">Where results go (stdout).</param>
/// <param name="Error">Where messages about failures go (stderr).</param>
/// <param name="Environment">Reads an environment variable (the process's own, or a test's).</param>
/// <param name="ConfiguredPort">The API port in the AppHost's configuration (<c>Orchestrator:Api:Port</c>), if any.</param>
/// <param name="ApiUrlFile">Where a running AppHost wrote its API's URL (<c>{state}/api-url</c>); null to look nowhere.</param>
/// <param name="Follow">How <c>logs --follow</c> reconnects; null for the defaults.</param>
internal sealed record CommandLineContext(
    DistributedApplicationModel Model,
    string AppHostDirectory,
    string? SecretsDirectory,
    TextWriter Output,
    TextWriter Error,
    Func<string, string?> Environment,
    int? ConfiguredPort = null,
    string? ApiUrlFile = null,
    LogFollowOptions? Follow = null);
