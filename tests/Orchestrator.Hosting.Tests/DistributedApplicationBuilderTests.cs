using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Orchestrator.Hosting.Tests;

public sealed class DistributedApplicationBuilderTests : IDisposable
{
    private readonly string _appHostDirectory = Directory.CreateTempSubdirectory("apphost-builder-tests-").FullName;

    public void Dispose() => Directory.Delete(_appHostDirectory, recursive: true);

    [Fact]
    public void Reads_appsettings_json_once_without_watching_the_apphost_directory()
    {
        // A watcher on the AppHost's directory would see every line the replicas log into .orchestrator/.
        File.WriteAllText(Path.Combine(_appHostDirectory, "appsettings.json"), """{ "Greeting": "hello" }""");

        var builder = CreateBuilder();

        Assert.Equal("hello", builder.Configuration["Greeting"]);
        var jsonSources = JsonSources(builder);
        Assert.NotEmpty(jsonSources);
        Assert.All(jsonSources, source => Assert.False(source.ReloadOnChange, $"{source.Path} is watched"));
    }

    [Fact]
    public void Watches_appsettings_json_when_told_to()
    {
        var builder = CreateBuilder("--hostBuilder:reloadConfigOnChange=true");

        Assert.Contains(JsonSources(builder), source => source.ReloadOnChange);
    }

    private IDistributedApplicationBuilder CreateBuilder(params string[] args) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = args,
            AppHostDirectory = _appHostDirectory,
            StateDirectory = Path.Combine(_appHostDirectory, ".orchestrator"),
        });

    private static List<JsonConfigurationSource> JsonSources(IDistributedApplicationBuilder builder) =>
        [.. ((IConfigurationBuilder)builder.Configuration).Sources.OfType<JsonConfigurationSource>()];
}
