using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Orchestrator.Api.CommandLine;
using Orchestrator.EndToEnd.Tests.Api;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.EndToEnd.Tests.CommandLine;

/// <summary>
/// Every AppHost subcommand against one real orchestrator with real test services (web x2, worker, spare, fragile, echo),
/// through the real API and stream. Each test but the one that kills fragile leaves the resources it touched running again.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CommandLineTests(CliAppFixture fixture) : IClassFixture<CliAppFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private ResourceNotificationService Notifications => fixture.Get<ResourceNotificationService>();

    [Fact]
    public async Task Status_lists_every_resource_and_exits_0_exactly_when_the_api_says_healthy()
    {
        await WaitForRunningAsync("web");

        var text = await RunAsync("status");
        var json = await RunAsync("status", "--json");

        // The verdict depends on this machine's load too (a host threshold crossed makes it Degraded): the exit code must follow it.
        using var document = JsonDocument.Parse(json.Output);
        var verdict = document.RootElement.GetProperty("status").GetString();
        Assert.Equal(verdict == "Healthy" ? CliExitCodes.Ok : CliExitCodes.Unhealthy, json.ExitCode);
        Assert.Matches(@"^Status: (Healthy|Degraded|Unhealthy)   uptime \d", text.Output);
        Assert.Equal(text.Output.StartsWith("Status: Healthy", StringComparison.Ordinal) ? CliExitCodes.Ok : CliExitCodes.Unhealthy, text.ExitCode);
        Assert.Matches(@"(?m)^web\s+executable\s+Running\s+Healthy\s+2/2\s", text.Output);
        Assert.Contains("Health checks: ", text.Output);
        Assert.Contains("Host: CPU ", text.Output);
    }

    [Fact]
    public async Task Status_of_a_system_with_a_dead_resource_is_unhealthy_and_exits_1()
    {
        var fragile = await WaitForRunningAsync("fragile");

        Process.GetProcessById(fragile.ProcessId!.Value).Kill();
        await Notifications.WaitForAsync("fragile", s => s.State == KnownResourceState.Exited).WaitAsync(Timeout);
        var result = await RunAsync("status");

        Assert.Equal(CliExitCodes.Unhealthy, result.ExitCode);
        Assert.StartsWith("Status: Unhealthy", result.Output);
        Assert.Matches(@"(?m)^  fragile: fragile-0 is Exited", result.Output);
    }

    [Fact]
    public async Task Resources_shows_each_replica_count_and_json_is_the_api_answer()
    {
        await WaitForRunningAsync("web");

        var table = await RunAsync("resources");
        var json = await RunAsync("resources", "--json");

        Assert.Equal(CliExitCodes.Ok, table.ExitCode);
        Assert.Matches(@"(?m)^web\s+executable\s+Running\s+Healthy\s+2/2\s", table.Output);
        Assert.Equal(CliExitCodes.Ok, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(["echo", "fragile", "spare", "web", "worker"], document.RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task Logs_show_each_replicas_output_and_replica_narrows_them_down()
    {
        await WaitForRunningAsync("web");

        var all = await RunAsync("logs", "web", "--tail", "50");
        var one = await RunAsync("logs", "web", "--replica", "web-1");

        Assert.Equal(CliExitCodes.Ok, all.ExitCode);
        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d\.\d{3} web-0 \| web says hello$", all.Output);
        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d\.\d{3} web-1 \| web says hello$", all.Output);
        Assert.Equal(CliExitCodes.Ok, one.ExitCode);
        Assert.Contains("web-1 | web says hello", one.Output);
        Assert.DoesNotContain("web-0", one.Output);
    }

    [Fact]
    public async Task Logs_follow_prints_a_restarted_process_lines_as_they_come_until_cancelled()
    {
        var before = await WaitForRunningAsync("echo");
        using var output = new OutputCollector();
        using var error = new OutputCollector();
        using var stop = new CancellationTokenSource(Timeout);

        var following = OrchestratorCommandLine.RunAsync(fixture.App, [.. Connection(), "logs", "echo", "--follow"], output, error, stop.Token);
        await Task.WhenAny(following, output.WaitForAsync(text => text.Contains($"echo listening (pid {before.ProcessId})", StringComparison.Ordinal), Timeout));
        Assert.False(following.IsCompleted, $"logs --follow ended early: {error.Text}");
        Assert.Equal(CliExitCodes.Ok, (await RunAsync("restart", "echo")).ExitCode);
        var after = await Notifications.WaitForAsync("echo", s => s.State == KnownResourceState.Running && s.ProcessId != before.ProcessId).WaitAsync(Timeout);
        await output.WaitForAsync(text => text.Contains($"echo listening (pid {after.ProcessId})", StringComparison.Ordinal), Timeout);
        await stop.CancelAsync();

        Assert.Equal(CliExitCodes.Ok, await following.WaitAsync(Timeout));
        Assert.Empty(error.Text);
        // The tail and the live lines overlap on the wire; each line is printed once.
        Assert.Single(output.Text.Split('\n'), l => l.EndsWith($"echo listening (pid {before.ProcessId})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stop_and_start_act_and_stopping_a_stopped_resource_is_a_conflict()
    {
        await WaitForRunningAsync("spare");

        var stop = await RunAsync("stop", "spare");
        await Notifications.WaitForAsync("spare", s => s.State is KnownResourceState.Exited or KnownResourceState.Finished).WaitAsync(Timeout);
        var again = await RunUntilAsync(r => r.Error.Contains("not running", StringComparison.Ordinal), "stop", "spare");
        var start = await RunUntilAsync(r => r.ExitCode != CliExitCodes.Conflict, "start", "spare");
        await WaitForRunningAsync("spare");

        Assert.Equal((CliExitCodes.Ok, "stop 'spare': accepted"), (stop.ExitCode, stop.Output.TrimEnd()));
        Assert.Equal(CliExitCodes.Conflict, again.ExitCode);
        Assert.Contains("(HTTP 409)", again.Error);
        Assert.Equal(CliExitCodes.Ok, start.ExitCode);
    }

    [Fact]
    public async Task Releasing_a_resource_that_is_not_quarantined_is_a_conflict()
    {
        await WaitForRunningAsync("spare");

        var result = await RunAsync("release", "spare");

        Assert.Equal(CliExitCodes.Conflict, result.ExitCode);
        Assert.Contains("not quarantined", result.Error);
    }

    [Fact]
    public async Task History_shows_a_killed_replica_failure_and_its_restart_newest_first()
    {
        var before = await WaitForRunningAsync("worker");

        Process.GetProcessById(before.ProcessId!.Value).Kill();
        var result = await RunUntilAsync(r => r.Output.Contains("RestartScheduled", StringComparison.Ordinal), "history", "worker", "--limit", "10");
        await Notifications.WaitForAsync("worker", s => s.State == KnownResourceState.Running && s.ProcessId != before.ProcessId).WaitAsync(Timeout);

        Assert.Equal(CliExitCodes.Ok, result.ExitCode);
        var rows = result.Output.TrimEnd().Split('\n').Skip(1).ToList();
        var failure = rows.FindIndex(r => r.Contains("FailureDetected", StringComparison.Ordinal));
        var scheduled = rows.FindIndex(r => r.Contains("RestartScheduled", StringComparison.Ordinal));
        Assert.True(failure > scheduled && scheduled >= 0, result.ToString());
        Assert.Contains("exited with code 137", rows[failure]);
        Assert.All(rows, r => Assert.Matches(@"^\S+ \S+\s+worker\s", r));
        var latest = await RunAsync("history", "--limit", "2");
        Assert.Equal(CliExitCodes.Ok, latest.ExitCode);
        Assert.Equal(3, latest.Output.TrimEnd().Split('\n').Length);
    }

    [Theory]
    [InlineData("logs", "nope")]
    [InlineData("logs", "nope", "--follow")]
    [InlineData("restart", "nope")]
    [InlineData("stop", "nope")]
    public async Task An_unknown_resource_exits_5(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.True(result.ExitCode == CliExitCodes.NotFound, result.ToString());
        Assert.Contains("(HTTP 404)", result.Error);
    }

    [Fact]
    public async Task A_wrong_key_exits_4_and_a_viewer_key_may_read_but_not_command()
    {
        var url = fixture.Client.BaseAddress.ToString();

        var wrong = await CliRun.RunAsync(fixture.App, ["status", "--url", url, "--api-key", "not-the-key"]);
        var viewerReads = await CliRun.RunAsync(fixture.App, ["resources", "--url", url, "--api-key", fixture.ViewerKey]);
        var viewerCommands = await CliRun.RunAsync(fixture.App, ["restart", "spare", "--url", url, "--api-key", fixture.ViewerKey]);

        Assert.Equal(CliExitCodes.AuthRefused, wrong.ExitCode);
        Assert.Contains("(HTTP 401)", wrong.Error);
        Assert.DoesNotContain("not-the-key", wrong.Error);
        Assert.Equal(CliExitCodes.Ok, viewerReads.ExitCode);
        Assert.Equal(CliExitCodes.AuthRefused, viewerCommands.ExitCode);
        Assert.Contains("(HTTP 403)", viewerCommands.Error);
    }

    [Fact]
    public async Task An_unreachable_url_exits_3()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CliRun.RunAsync(fixture.App, ["status", "--url", $"http://127.0.0.1:{port}", "--api-key", fixture.OperatorKey]);

        Assert.Equal(CliExitCodes.Unreachable, result.ExitCode);
        Assert.Contains("Cannot reach the orchestrator", result.Error);
    }

    [Fact]
    public async Task Without_a_key_the_operator_key_in_the_apphost_state_directory_is_used()
    {
        await WaitForRunningAsync("spare");

        // The fixture's AppHost keeps its state (and keys) in the test's directory: nothing on the command line but the URL.
        var result = await CliRun.RunAsync(fixture.App, ["release", "spare", "--url", fixture.Client.BaseAddress.ToString()]);

        Assert.Equal(CliExitCodes.Conflict, result.ExitCode);
    }

    [Fact]
    public async Task The_demo_apphost_runs_a_subcommand_instead_of_launching_its_model()
    {
        var environment = new Dictionary<string, string>
        {
            [ApiConnection.UrlVariable] = fixture.Client.BaseAddress.ToString(),
            [ApiConnection.KeyVariable] = fixture.OperatorKey,
        };

        var resources = await AppHostProcess.RunAsync(["resources"], environment);
        var unknown = await AppHostProcess.RunAsync(["logs", "nope", "--tail", "5"], environment);
        var validate = await AppHostProcess.RunAsync(["validate"], environment);
        var usage = await AppHostProcess.RunAsync(["logs"], environment);
        var manifest = await AppHostProcess.RunAsync(["manifest"], environment);

        Assert.Equal(CliExitCodes.Ok, resources.ExitCode);
        Assert.Matches(@"(?m)^web\s+executable\s", resources.Output);
        Assert.Equal(CliExitCodes.NotFound, unknown.ExitCode);
        Assert.Equal((CliExitCodes.Ok, "The model is valid: 8 resource(s)."), (validate.ExitCode, validate.Output.TrimEnd()));
        Assert.Equal(CliExitCodes.Usage, usage.ExitCode);
        Assert.Equal(CliExitCodes.Ok, manifest.ExitCode);
        using var document = JsonDocument.Parse(manifest.Output);
        Assert.Equal(8, document.RootElement.GetProperty("resources").GetArrayLength());
        Assert.DoesNotContain(fixture.OperatorKey, manifest.Output + resources.Output + resources.Error);
        // The dashboard's browser token is this run's secret: not even its name reaches the manifest.
        Assert.DoesNotContain("DASHBOARD_BROWSER_TOKEN", manifest.Output);
    }

    private string[] Connection() => ["--url", fixture.Client.BaseAddress.ToString(), "--api-key", fixture.OperatorKey];

    private Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync(fixture.App, [.. args, .. Connection()]);

    // For conditions that settle on their own (health after a restart, a command that is still finishing): ask again until they hold.
    private async Task<CliResult> RunUntilAsync(Func<CliResult, bool> condition, params string[] args)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var result = await RunAsync(args);
            if (condition(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(200);
        }
    }

    private Task<ResourceSnapshot> WaitForRunningAsync(string resource) =>
        Notifications.WaitForAsync(resource, s => s.State == KnownResourceState.Running && s.Health == HealthStatus.Healthy).WaitAsync(Timeout);
}
