using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api;
using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting;
using Orchestrator.Hosting.Drivers;

namespace Orchestrator.EndToEnd.Tests.Telemetry;

/// <summary>The AppHost's demo model (AppHost/Program.cs), built for a test: its own state directory, the samples run from the test build's output.</summary>
internal static class DemoSystem
{
    /// <summary>The .NET services of the demo, each with its replicas.</summary>
    public static IReadOnlyDictionary<string, string[]> DotnetReplicas { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["catalog"] = ["catalog-0", "catalog-1"],
        ["basket"] = ["basket-0"],
        ["worker"] = ["worker-0"],
        ["storefront"] = ["storefront-0"],
    };

    // The whole test suite runs at once on two cores: a .NET service may take far longer than usual to answer its first health check.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>A builder with the demo's resources; <paramref name="configuration"/> is the AppHost's own (its environment).</summary>
    public static IDistributedApplicationBuilder CreateBuilder(TempDirectory state, params (string Key, string Value)[] configuration)
    {
        var builder = CreateEmptyBuilder(state, configuration);
        var postgres = builder.AddPostgres("postgres");
        var catalogDb = postgres.AddDatabase("catalogdb");
        var cache = builder.AddRedis("cache");
        var catalog = builder.AddProject("catalog", "../samples/Catalog/Catalog.csproj")
            .WithReference(catalogDb).WaitFor(catalogDb).WithReplicas(2).WithHttpHealthCheck("/health");
        var basket = builder.AddProject("basket", "../samples/Basket/Basket.csproj")
            .WithReference(cache).WaitFor(cache).WithHttpHealthCheck("/health");
        builder.AddProject("worker", "../samples/Worker/Worker.csproj")
            .WithReference(catalogDb).WaitFor(catalogDb).WaitFor(catalog).WithHttpHealthCheck("/health");
        builder.AddProject("storefront", "../samples/Storefront/Storefront.csproj")
            .WithReference(catalog).WithReference(basket).WaitFor(catalog).WaitFor(basket).WithHttpHealthCheck("/health");
        return builder;
    }

    /// <summary>A builder without resources, whose projects are paths relative to AppHost/ and run from the test build's output.</summary>
    public static IDistributedApplicationBuilder CreateEmptyBuilder(TempDirectory state, params (string Key, string Value)[] configuration)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            AppHostDirectory = Path.Combine(TestArtifacts.RepositoryRoot, "AppHost"),
            StateDirectory = state.Path,
        }).AddOrchestrator(o => o.StartTimeout = StartTimeout);
        foreach (var (key, value) in configuration)
        {
            builder.Configuration[key] = value;
        }

        // The test project builds the samples with itself: run that output instead of building them again.
        builder.Services.AddSingleton(new ProjectDriverOptions { Configuration = BuildConfiguration, SkipBuild = true });
        return builder;
    }

    private static string BuildConfiguration =>
        typeof(DemoSystem).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
