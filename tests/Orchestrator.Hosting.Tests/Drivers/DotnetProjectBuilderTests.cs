using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Hosting.Tests.Drivers;

/// <summary>Real <c>dotnet build</c>s of tiny projects outside the repository (so its Directory.Build.props do not apply).</summary>
[Trait("Category", "Integration")]
public sealed class DotnetProjectBuilderTests : IDisposable
{
    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <UseAppHost>false</UseAppHost>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-project-").FullName;
    private readonly DotnetProjectBuilder _builder = new(new ProjectDriverOptions(), NullLogger<DotnetProjectBuilder>.Instance);

    public void Dispose() => TestRuntime.DeleteQuietly(_directory);

    [Fact]
    public async Task Builds_a_project_that_then_runs_from_its_target_path()
    {
        var project = CreateProject("hello", "Console.WriteLine(\"hello from \" + string.Join(',', args));");
        using var probes = new HttpHealthCheckProbeFactory(TimeProvider.System);
        var driver = new ProjectDriver(_builder, new ProjectDriverOptions(), probes, NullLogger<ProjectDriver>.Instance);
        project.Annotations.Add(new CommandLineArgsAnnotation(["replica"]));
        var runtime = TestRuntime.Create(_directory);

        await driver.PrepareAsync(project, runtime, CancellationToken.None);
        await using var process = TestProcessLauncher.Start(driver.CreateProcessSpec(new ReplicaContext(project, 0, runtime))!);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        Assert.Contains("hello from replica", process.Output);
    }

    [Fact]
    public async Task Carries_the_compiler_errors_when_the_build_fails()
    {
        var project = CreateProject("broken", "Console.WriteLine(\"missing semicolon\")");

        var error = await Assert.ThrowsAsync<ResourceStartException>(() => _builder.BuildAsync(project, "Debug", CancellationToken.None));

        Assert.Equal("broken", error.ResourceName);
        Assert.Contains(error.LogTail, line => line.Contains("CS1002", StringComparison.Ordinal));
        Assert.Contains("CS1002", error.Message);
    }

    [Fact]
    public async Task Names_the_project_file_when_it_does_not_exist()
    {
        var project = new ProjectResource("ghost", Path.Combine(_directory, "Ghost", "Ghost.csproj"));

        var error = await Assert.ThrowsAsync<ResourceStartException>(() => _builder.BuildAsync(project, "Debug", CancellationToken.None));

        Assert.Contains("Ghost.csproj", error.Message);
        Assert.Contains("AddProject", error.Message);
    }

    private ProjectResource CreateProject(string name, string program)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), ProjectFile);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return new ProjectResource(name, Path.Combine(directory, name + ".csproj"));
    }
}
