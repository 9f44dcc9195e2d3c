using System.Net;
using System.Text.Json;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>Operators' commands through the API on real processes: start, stop, restart, release, and all at once.</summary>
[Trait("Category", "Integration")]
public sealed class ApiCommandTests(CommandAppFixture fixture) : IClassFixture<CommandAppFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private ApiClient Api => fixture.Client;

    private ResourceNotificationService Notifications => fixture.Get<ResourceNotificationService>();

    [Fact]
    public async Task A_stopped_resource_is_no_error_and_starts_again_with_a_new_process()
    {
        var before = await RunningAsync("spare");

        using var stop = await Api.PostAsync("/api/v1/resources/spare/stop", fixture.OperatorKey);
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        var accepted = await Problems.ReadAsync(stop);
        Assert.Equal(("spare", "stop", "accepted"),
            (accepted.GetProperty("resource").GetString(), accepted.GetProperty("command").GetString(), accepted.GetProperty("status").GetString()));
        await Notifications.WaitForAsync("spare", s => s.State == KnownResourceState.Exited).WaitAsync(Timeout);

        var status = await Api.GetJsonAsync("/api/v1/status", fixture.ViewerKey);
        Assert.DoesNotContain(status.GetProperty("errors").EnumerateArray(), e => e.GetProperty("resource").GetString() == "spare");
        var detail = await Api.GetJsonAsync("/api/v1/resources/spare", fixture.ViewerKey);
        Assert.Equal("stopped", detail.GetProperty("replicas")[0].GetProperty("stateReason").GetString());
        await Problems.AssertProblemAsync(await Api.PostAsync("/api/v1/resources/spare/stop", fixture.OperatorKey), HttpStatusCode.Conflict);
        await Problems.AssertProblemAsync(await Api.PostAsync("/api/v1/resources/spare/restart", fixture.OperatorKey), HttpStatusCode.Conflict);

        using var start = await Api.PostAsync("/api/v1/resources/spare/start", fixture.OperatorKey, scheme: KeyScheme.Bearer);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var after = await Notifications.WaitForAsync("spare", s => s.State == KnownResourceState.Running && s.ProcessId != before.ProcessId).WaitAsync(Timeout);
        Assert.NotNull(after.ProcessId);
        await Problems.AssertProblemAsync(await Api.PostAsync("/api/v1/resources/spare/start", fixture.OperatorKey), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_restart_replaces_every_replica_and_is_journaled_as_manual()
    {
        var pids = new[] { (await RunningAsync("web", 0)).ProcessId, (await RunningAsync("web", 1)).ProcessId };

        using var restart = await Api.PostAsync("/api/v1/resources/web/restart", fixture.OperatorKey);

        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        for (var i = 0; i < 2; i++)
        {
            var index = i;
            await Notifications.WaitForAsync("web", s => s.ReplicaIndex == index && s.State == KnownResourceState.Running && s.ProcessId != pids[index])
                .WaitAsync(Timeout);
        }

        var history = await Eventually.WaitAsync(() => Api.GetJsonAsync("/api/v1/healing-history?resource=web", fixture.ViewerKey),
            h => h.EnumerateArray().Count(r => r.GetProperty("kind").GetString() == "ManualRestart") >= 2, Timeout, "two manual restarts of web");
        Assert.All(history.EnumerateArray(), r => Assert.Equal("web", r.GetProperty("resource").GetString()));
    }

    [Fact]
    public async Task A_quarantined_resource_is_refused_a_start_and_released_on_command()
    {
        var quarantined = await Notifications.WaitForAsync("crashy", s => s.State == KnownResourceState.Quarantined).WaitAsync(Timeout);
        var summary = (await Api.GetJsonAsync("/api/v1/resources?state=Quarantined", fixture.ViewerKey)).EnumerateArray().Single();
        Assert.Equal("crashy", summary.GetProperty("name").GetString());
        Assert.True(summary.GetProperty("quarantined").GetBoolean());
        var status = await Api.GetJsonAsync("/api/v1/status", fixture.ViewerKey);
        Assert.Equal("Unhealthy", status.GetProperty("status").GetString());
        Assert.Contains(status.GetProperty("errors").EnumerateArray(), e => e.GetProperty("resource").GetString() == "crashy");

        await Problems.AssertProblemAsync(await Api.PostAsync("/api/v1/resources/crashy/start", fixture.OperatorKey), HttpStatusCode.Conflict);
        await Problems.AssertProblemAsync(await Api.PostAsync("/api/v1/resources/crashy/restart", fixture.OperatorKey), HttpStatusCode.Conflict);
        using var release = await Api.PostAsync("/api/v1/resources/crashy/release", fixture.OperatorKey);

        Assert.Equal(HttpStatusCode.Accepted, release.StatusCode);
        await Notifications.WaitForAsync("crashy", s => s.State == KnownResourceState.Running && s.StartedAt > quarantined.StoppedAt).WaitAsync(Timeout);
        var history = await Api.GetJsonAsync("/api/v1/healing-history?resource=crashy", fixture.ViewerKey);
        Assert.Contains(history.EnumerateArray(), r => r.GetProperty("kind").GetString() == "Released");
    }

    [Fact]
    public async Task Releasing_a_resource_that_is_not_quarantined_is_a_conflict()
    {
        await RunningAsync("worker");

        await Problems.AssertProblemAsync(await Api.PostAsync("/api/v1/resources/worker/release", fixture.OperatorKey), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("/api/v1/resources/ghost/start", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/resources/ghost/release", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/resources/Ghost!/stop", HttpStatusCode.BadRequest)]
    public async Task A_command_on_an_unknown_or_invalid_name_is_refused(string path, HttpStatusCode expected)
    {
        using var response = await Api.PostAsync(path, fixture.OperatorKey);

        await Problems.AssertProblemAsync(response, expected);
    }

    [Fact]
    public async Task Stop_all_stops_dependents_first_and_start_all_brings_everything_back()
    {
        foreach (var name in new[] { "web", "worker", "spare" })
        {
            await RunningAsync(name);
        }

        using var stop = await Api.PostAsync("/api/v1/resources/stop", fixture.OperatorKey);
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        var stopped = Names((await Problems.ReadAsync(stop)).GetProperty("resources"));
        Assert.True(stopped.IndexOf("worker") < stopped.IndexOf("web"), string.Join(",", stopped));
        foreach (var name in new[] { "web", "worker", "spare" })
        {
            await Eventually.WaitAsync(() => Task.FromResult(Notifications.GetSnapshots(name)),
                s => s.All(r => r.State == KnownResourceState.Exited), Timeout, $"{name} stopped");
        }

        using var start = await Api.PostAsync("/api/v1/resources/start", fixture.OperatorKey);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var started = Names((await Problems.ReadAsync(start)).GetProperty("resources"));
        Assert.True(started.IndexOf("web") < started.IndexOf("worker"), string.Join(",", started));
        foreach (var name in new[] { "web", "worker", "spare" })
        {
            await RunningAsync(name);
        }
    }

    private async Task<ResourceSnapshot> RunningAsync(string resource, int index = 0) =>
        await Notifications.WaitForAsync(resource, s => s.ReplicaIndex == index && s.State == KnownResourceState.Running && s.Health is null or HealthStatus.Healthy)
            .WaitAsync(Timeout);

    private static List<string> Names(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
