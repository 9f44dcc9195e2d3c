using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Hosting.Tests.Drivers;

public sealed class ProjectDriverTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory().FullName;
    private readonly HttpHealthCheckProbeFactory _probes = new(TimeProvider.System);
    private readonly RecordingProjectBuilder _builder;
    private readonly ProjectResource _catalog;
    private readonly ResourceRuntimeContext _runtime;

    public ProjectDriverTests()
    {
        _builder = new RecordingProjectBuilder(Path.Combine(_directory, "bin", "Catalog.dll"));
        Directory.CreateDirectory(Path.Combine(_directory, "bin"));
        _catalog = new ProjectResource("catalog", Path.Combine(_directory, "Catalog.csproj"));
        _runtime = TestRuntime.Create(_directory);
    }

    public void Dispose()
    {
        _probes.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Builds_once_however_many_replicas_prepare_at_once()
    {
        _builder.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var driver = CreateDriver(new ProjectDriverOptions());
        var prepares = Enumerable.Range(0, 3).Select(_ => driver.PrepareAsync(_catalog, _runtime, CancellationToken.None)).ToList();

        _builder.Gate.SetResult();
        await Task.WhenAll(prepares);
        await driver.PrepareAsync(_catalog, _runtime, CancellationToken.None);

        Assert.Equal(1, _builder.Builds);
    }

    [Fact]
    public async Task Builds_every_project_in_one_batch_before_the_launch_and_not_again_on_prepare()
    {
        var basket = new ProjectResource("basket", Path.Combine(_directory, "Basket.csproj"));
        var driver = CreateDriver(new ProjectDriverOptions());

        await driver.PrepareAllAsync([_catalog, basket], _runtime, CancellationToken.None);
        await driver.PrepareAsync(_catalog, _runtime, CancellationToken.None);
        await driver.PrepareAsync(basket, _runtime, CancellationToken.None);

        Assert.Equal(["catalog", "basket"], Assert.Single(_builder.BatchBuilds));
        Assert.Equal(0, _builder.Builds);
    }

    [Fact]
    public async Task Runs_dotnet_with_the_built_assembly_in_the_project_directory()
    {
        _catalog.Annotations.Add(new CommandLineArgsAnnotation(["--seed", "10"]));
        var driver = CreateDriver(new ProjectDriverOptions());
        await driver.PrepareAsync(_catalog, _runtime, CancellationToken.None);

        var spec = driver.CreateProcessSpec(new ReplicaContext(_catalog, 1, _runtime))!;

        Assert.Equal("dotnet", spec.FileName);
        Assert.Equal([Path.Combine(_directory, "bin", "Catalog.dll"), "--seed", "10"], spec.Arguments);
        Assert.Equal(_directory, spec.WorkingDirectory);
        Assert.Equal(Path.Combine(_directory, "logs", "catalog-1.log"), spec.LogFilePath);
    }

    [Fact]
    public async Task Skips_the_build_when_told_to_and_runs_what_is_built()
    {
        File.WriteAllText(Path.Combine(_directory, "bin", "Catalog.dll"), "");
        var driver = CreateDriver(new ProjectDriverOptions { SkipBuild = true });

        await driver.PrepareAsync(_catalog, _runtime, CancellationToken.None);

        Assert.Equal(0, _builder.Builds);
        Assert.NotNull(driver.CreateProcessSpec(new ReplicaContext(_catalog, 0, _runtime)));
    }

    [Fact]
    public async Task Says_how_to_fix_a_skipped_build_with_nothing_built()
    {
        var driver = CreateDriver(new ProjectDriverOptions { SkipBuild = true });

        var error = await Assert.ThrowsAsync<ResourceStartException>(() => driver.PrepareAsync(_catalog, _runtime, CancellationToken.None));

        Assert.Equal("catalog", error.ResourceName);
        Assert.Contains(ProjectDriverOptions.SkipBuildVariable, error.Message);
    }

    [Fact]
    public async Task Builds_again_after_a_failed_build()
    {
        _builder.FailuresLeft = 1;
        var driver = CreateDriver(new ProjectDriverOptions());
        var error = await Assert.ThrowsAsync<ResourceStartException>(() => driver.PrepareAsync(_catalog, _runtime, CancellationToken.None));

        await driver.PrepareAsync(_catalog, _runtime, CancellationToken.None);

        Assert.Contains("CS1002", error.Message);
        Assert.Equal(2, _builder.Builds);
    }

    [Fact]
    public void Refuses_to_describe_a_process_before_the_project_is_built()
    {
        var driver = CreateDriver(new ProjectDriverOptions());

        var error = Assert.Throws<InvalidOperationException>(() => driver.CreateProcessSpec(new ReplicaContext(_catalog, 0, _runtime)));

        Assert.Contains("catalog", error.Message);
    }

    [Fact]
    public void Reads_the_skip_variable_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new(ProjectDriverOptions.SkipBuildVariable, "1")])
            .Build();

        Assert.True(ProjectDriverOptions.FromConfiguration(configuration).SkipBuild);
    }

    private ProjectDriver CreateDriver(ProjectDriverOptions options) =>
        new(_builder, options, _probes, NullLogger<ProjectDriver>.Instance);
}
