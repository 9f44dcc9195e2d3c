using System.Text.Json;
using Orchestrator.Api.CommandLine;

namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>The native executable is also its own command line: run again with a subcommand, it reads the running instance.</summary>
[Trait("Category", "Integration")]
[Collection(NativeAotCollection.Name)]
public sealed class NativeCommandLineTests(NativeAppHostFixture fixture)
{
    private NativeAppHost Host => fixture.Host;

    [Fact]
    public async Task Status_reads_the_running_instance_and_exits_0_exactly_when_it_is_healthy()
    {
        await NativeApi.WaitUntilAllHealthyAsync(Host);

        var json = await Host.RunCommandAsync("status", "--json");
        var text = await Host.RunCommandAsync("status");

        using var document = ParseOrFail(json);
        var verdict = document.RootElement.GetProperty("status").GetString();
        Assert.True((verdict == "Healthy" ? CliExitCodes.Ok : CliExitCodes.Unhealthy) == json.ExitCode, Explain(json));
        Assert.Equal(["web", "worker"], NativeApi.Names(document.RootElement.GetProperty("resources")).Order());
        Assert.Matches(@"^Status: (Healthy|Degraded)   uptime \d", text.Output);
        Assert.Matches(@"(?m)^web\s+executable\s+Running\s+Healthy\s+2/2\s", text.Output);
    }

    [Fact]
    public async Task Resources_and_logs_print_the_running_instances_tables_and_JSON()
    {
        await NativeApi.WaitUntilAllHealthyAsync(Host);

        var table = await Host.RunCommandAsync("resources");
        var json = await Host.RunCommandAsync("resources", "--json");
        var logs = await Host.RunCommandAsync("logs", "web", "--replica", "web-0", "--tail", "100");

        Assert.True(table.ExitCode == CliExitCodes.Ok, Explain(table));
        Assert.Matches(@"(?m)^worker\s+executable\s+Running\s+Healthy\s+1/1\s", table.Output);
        Assert.True(json.ExitCode == CliExitCodes.Ok, Explain(json));
        using var document = ParseOrFail(json);
        Assert.Equal(["web", "worker"], NativeApi.Names(document.RootElement).Order());
        Assert.True(logs.ExitCode == CliExitCodes.Ok, Explain(logs));
        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d\.\d{3} web-0 \| web says hello$", logs.Output);
    }

    [Fact]
    public async Task A_command_for_an_unknown_resource_exits_5()
    {
        var result = await Host.RunCommandAsync("restart", "ghost");

        Assert.True(result.ExitCode == CliExitCodes.NotFound, Explain(result));
        Assert.Contains("(HTTP 404)", result.Error);
    }

    [Fact]
    public async Task Validate_and_manifest_work_on_the_model_alone()
    {
        var validate = await Host.RunCommandAsync("validate");
        var manifest = await Host.RunCommandAsync("manifest");

        Assert.True(validate.ExitCode == CliExitCodes.Ok, Explain(validate));
        Assert.Equal("The model is valid: 2 resource(s).", validate.Output.TrimEnd());
        Assert.True(manifest.ExitCode == CliExitCodes.Ok, Explain(manifest));
        using var document = ParseOrFail(manifest);
        Assert.Equal(["web", "worker"], NativeApi.Names(document.RootElement.GetProperty("resources")).Order());
    }

    private JsonDocument ParseOrFail(CommandLine.CliResult result)
    {
        try
        {
            return JsonDocument.Parse(result.Output);
        }
        catch (JsonException ex)
        {
            throw Xunit.Sdk.FailException.ForFailure($"Not JSON ({ex.Message}): {Explain(result)}");
        }
    }

    // What the command printed, and what the AppHost it asked printed last (an exception behind a 500).
    private string Explain(CommandLine.CliResult result) => $"{result}\n{Host.OutputTail()}";
}
