using System.Text.Json;
using Orchestrator.Api.CommandLine;
using Orchestrator.Api.Tests.Launch;
using Orchestrator.Hosting;

namespace Orchestrator.Api.Tests.CommandLine;

/// <summary>validate and manifest: the model alone, no orchestrator.</summary>
public sealed class ModelCommandTests
{
    [Fact]
    public async Task Validate_of_a_sound_model_exits_0()
    {
        var builder = new TestModelBuilder();
        var db = builder.AddService("db");
        builder.AddService("api").WaitFor(db);

        var result = await CommandLineRun.InvokeAsync(["validate"], builder.Model);

        Assert.Equal((CliExitCodes.Ok, "The model is valid: 2 resource(s)."), (result.ExitCode, result.Output.TrimEnd()));
    }

    [Fact]
    public async Task Validate_prints_every_problem_and_exits_1()
    {
        var builder = new TestModelBuilder();
        var a = builder.AddService("a");
        var b = builder.AddService("b").WaitFor(a);
        a.WaitFor(b);
        builder.AddExecutable("c", "no-such-program-anywhere", ".");

        var result = await CommandLineRun.InvokeAsync(["validate"], builder.Model);

        Assert.Equal(CliExitCodes.Unhealthy, result.ExitCode);
        var lines = result.Output.TrimEnd().Split(Environment.NewLine);
        Assert.Matches(@"^The model has \d+ problem\(s\):$", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  - ", StringComparison.Ordinal) && l.Contains("a -> b -> a", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  - ", StringComparison.Ordinal) && l.Contains("no-such-program-anywhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_json_lists_the_problems_by_resource()
    {
        var builder = new TestModelBuilder();
        builder.AddExecutable("c", "no-such-program-anywhere", ".");

        var result = await CommandLineRun.InvokeAsync(["validate", "--json"], builder.Model);

        Assert.Equal(CliExitCodes.Unhealthy, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("c", json.RootElement.GetProperty("problems")[0].GetProperty("resource").GetString());
    }

    [Fact]
    public async Task Manifest_prints_the_versioned_json_manifest()
    {
        var builder = new TestModelBuilder();
        builder.AddService("api");

        var result = await CommandLineRun.InvokeAsync(["manifest"], builder.Model);

        Assert.Equal(CliExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("api", json.RootElement.GetProperty("resources")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Manifest_of_an_invalid_model_exits_1_with_the_problems_on_stderr()
    {
        var builder = new TestModelBuilder();
        builder.AddExecutable("c", "no-such-program-anywhere", ".");

        var result = await CommandLineRun.InvokeAsync(["manifest"], builder.Model);

        Assert.Equal(CliExitCodes.Unhealthy, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("no-such-program-anywhere", result.Error);
    }
}
