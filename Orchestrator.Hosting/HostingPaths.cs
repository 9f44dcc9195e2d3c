using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Orchestrator.Hosting;

/// <summary>Where the AppHost lives and where it keeps its state (data, logs, secrets).</summary>
/// <param name="AppHostDirectory">The AppHost project's directory.</param>
/// <param name="StateDirectory">The state directory.</param>
public sealed record HostingPaths(string AppHostDirectory, string StateDirectory)
{
    /// <summary>The environment variable that moves the state directory.</summary>
    public const string StateDirectoryVariable = "ORCHESTRATOR_STATE_DIR";

    /// <summary>The assembly metadata key under which an AppHost project records its own directory at build time.</summary>
    public const string AppHostDirectoryMetadataKey = "AppHostProjectDirectory";

    /// <summary>The secrets directory: <c>{state}/secrets</c>.</summary>
    public string SecretsDirectory => Path.Combine(StateDirectory, "secrets");

    /// <summary>
    /// Where a running AppHost writes its control API's base URL (<c>{state}/api-url</c>), so that the command
    /// line finds an API that had to take another port than the default.
    /// </summary>
    public string ApiUrlFile => Path.Combine(StateDirectory, "api-url");

    internal static HostingPaths Resolve(DistributedApplicationOptions options, IConfiguration configuration)
    {
        var appHostDirectory = options.AppHostDirectory ?? FindAppHostDirectory() ?? Directory.GetCurrentDirectory();
        var stateDirectory = options.StateDirectory
            ?? configuration[StateDirectoryVariable]
            ?? Path.Combine(appHostDirectory, ".orchestrator");
        return new HostingPaths(Path.GetFullPath(appHostDirectory), Path.GetFullPath(stateDirectory, appHostDirectory));
    }

    // The AppHost's project file records its directory as assembly metadata, so that the state
    // directory sits beside the project whether it runs from bin/ or is started elsewhere.
    private static string? FindAppHostDirectory() =>
        Assembly.GetEntryAssembly()?
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == AppHostDirectoryMetadataKey)?.Value is { Length: > 0 } directory
            && Directory.Exists(directory)
                ? directory
                : null;
}
