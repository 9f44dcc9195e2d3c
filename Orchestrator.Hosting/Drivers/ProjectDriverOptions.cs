using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Orchestrator.Hosting.Drivers;

/// <summary>How projects are built and run.</summary>
public sealed record ProjectDriverOptions
{
    /// <summary>Set to <c>1</c> (or <c>true</c>) to run projects from their existing build output without building them.</summary>
    public const string SkipBuildVariable = "ORCHESTRATOR_SKIP_PROJECT_BUILD";

    /// <summary>The build configuration (<c>Debug</c>, <c>Release</c>); the AppHost's own by default.</summary>
    public string Configuration { get; init; } = DriverDefaults.ProjectConfiguration;

    /// <summary>True to skip <c>dotnet build</c> and run what is already built.</summary>
    public bool SkipBuild { get; init; }

    /// <summary>The <c>dotnet</c> program that builds and runs projects.</summary>
    public string DotnetPath { get; init; } = "dotnet";

    /// <summary>
    /// The options for this AppHost: its own build configuration, so that a Release AppHost runs Release
    /// services, and <see cref="SkipBuildVariable"/> from configuration or the environment.
    /// </summary>
    public static ProjectDriverOptions FromConfiguration(IConfiguration? configuration)
    {
        var skip = configuration?[SkipBuildVariable] ?? Environment.GetEnvironmentVariable(SkipBuildVariable);
        var appHostConfiguration = Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        return new ProjectDriverOptions
        {
            Configuration = string.IsNullOrEmpty(appHostConfiguration) ? DriverDefaults.ProjectConfiguration : appHostConfiguration,
            SkipBuild = skip is not null && (skip == "1" || skip.Equals("true", StringComparison.OrdinalIgnoreCase)),
        };
    }
}
