using System.Net;
using System.Text.Json;
using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>The read side of the API, its keys and its errors, against a real orchestrator running real test services.</summary>
[Trait("Category", "Integration")]
public sealed class ApiReadTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static TheoryData<string> ProtectedGets =>
    [
        "/api/v1/status", "/api/v1/resources", "/api/v1/resources/web", "/api/v1/resources/web/logs", "/api/v1/dependencies",
        "/api/v1/healing-history", "/api/v1/stats", "/api/v1/loadbalancer/web", "/openapi/v1.json", "/api/v1/stream",
    ];

    private ApiClient Api => fixture.Client;

    [Fact]
    public async Task Health_answers_without_a_key()
    {
        using var response = await Api.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await Problems.ReadAsync(response)).GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(ProtectedGets))]
    public async Task Every_other_route_is_401_without_a_key(string path)
    {
        using var response = await Api.GetAsync(path);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData(KeyScheme.Header)]
    [InlineData(KeyScheme.Bearer)]
    public async Task A_wrong_key_is_401_either_way_it_is_sent(KeyScheme scheme)
    {
        using var response = await Api.GetAsync("/api/v1/status", fixture.ViewerKey + "x", scheme);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("not valid", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(KeyScheme.Header)]
    [InlineData(KeyScheme.Bearer)]
    public async Task Both_keys_read_either_way_they_are_sent(KeyScheme scheme)
    {
        using var asViewer = await Api.GetAsync("/api/v1/status", fixture.ViewerKey, scheme);
        using var asOperator = await Api.GetAsync("/api/v1/status", fixture.OperatorKey, scheme);

        Assert.Equal(HttpStatusCode.OK, asViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_not_accepted()
    {
        using var response = await Api.GetAsync($"/api/v1/status?api_key={fixture.ViewerKey}&key={fixture.ViewerKey}");

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("POST", "/api/v1/resources/spare/restart")]
    [InlineData("POST", "/api/v1/resources/stop")]
    [InlineData("POST", "/api/v1/resources")]
    [InlineData("DELETE", "/api/v1/resources/spare")]
    public async Task The_viewer_key_may_not_command_or_register(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await Api.SendAsync(request, fixture.ViewerKey, KeyScheme.Bearer);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(KnownResourceState.Running, fixture.Get<ResourceNotificationService>().GetSnapshot("spare-0")!.State);
    }

    [Fact]
    public async Task The_keys_are_generated_into_the_state_directory_with_mode_0600()
    {
        foreach (var name in new[] { "api-operator-key", "api-viewer-key" })
        {
            var path = Path.Combine(fixture.StateDirectory, "secrets", name);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.NotEqual(fixture.OperatorKey, fixture.ViewerKey);
        Assert.True(fixture.OperatorKey.Length >= 32);
    }

    [Fact]
    public async Task Status_is_healthy_and_lists_every_resource_with_performance_and_host()
    {
        var status = await Api.GetJsonAsync("/api/v1/status", fixture.ViewerKey);

        // A busy test machine may cross a host threshold (Degraded, with a host warning); no resource may be wrong.
        Assert.Equal(status.GetProperty("warnings").GetArrayLength() == 0 ? "Healthy" : "Degraded", status.GetProperty("status").GetString());
        Assert.All(status.GetProperty("warnings").EnumerateArray(), w => Assert.False(w.TryGetProperty("resource", out _), w.ToString()));
        Assert.Equal(["spare", "web", "worker"], Names(status.GetProperty("resources")).Order());
        Assert.Equal(0, status.GetProperty("errors").GetArrayLength());
        Assert.True(status.GetProperty("uptimeSeconds").GetDouble() > 0);
        var performance = status.GetProperty("performance");
        Assert.True(performance.GetProperty("errorRate").GetDouble() is >= 0 and <= 1);
        var host = status.GetProperty("host");
        Assert.True(host.GetProperty("memoryTotalBytes").GetInt64() > 0);
        Assert.Equal(80, host.GetProperty("thresholds").GetProperty("cpuPercent").GetDouble());
    }

    [Fact]
    public async Task Resources_are_listed_and_filtered_by_type_and_state()
    {
        var all = await Api.GetJsonAsync("/api/v1/resources", fixture.ViewerKey);
        var web = all.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "web");
        Assert.Equal("executable", web.GetProperty("type").GetString());
        Assert.Equal("Running", web.GetProperty("state").GetString());
        Assert.Equal(2, web.GetProperty("replicas").GetInt32());
        Assert.Equal(2, web.GetProperty("urls").GetArrayLength());
        Assert.False(web.GetProperty("external").GetBoolean());
        Assert.Equal(["web"], Names(all.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "worker").GetProperty("dependencies")));

        Assert.Equal(3, (await Api.GetJsonAsync("/api/v1/resources?type=executable&state=Running", fixture.ViewerKey)).GetArrayLength());
        Assert.Equal(0, (await Api.GetJsonAsync("/api/v1/resources?type=redis", fixture.ViewerKey)).GetArrayLength());
        Assert.Equal(0, (await Api.GetJsonAsync("/api/v1/resources?state=Exited", fixture.ViewerKey)).GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/resources?type=mainframe", "type")]
    [InlineData("/api/v1/resources?state=Sleepy", "state")]
    [InlineData("/api/v1/resources/Not_A_Name", "name")]
    [InlineData("/api/v1/resources/web/logs?tail=0", "tail")]
    [InlineData("/api/v1/resources/web/logs?tail=10001", "tail")]
    [InlineData("/api/v1/resources/web/logs?tail=many", "tail")]
    [InlineData("/api/v1/resources/web/logs?replica=web-9", "replica")]
    [InlineData("/api/v1/healing-history?limit=0", "limit")]
    [InlineData("/api/v1/healing-history?limit=1001", "limit")]
    [InlineData("/api/v1/healing-history?since=yesterday", "since")]
    [InlineData("/api/v1/healing-history?resource=NOPE!", "resource")]
    [InlineData("/api/v1/loadbalancer/web?strategy=random", "strategy")]
    public async Task A_bad_parameter_is_a_400_that_names_it(string path, string field)
    {
        using var response = await Api.GetAsync(path, fixture.ViewerKey);

        await Problems.AssertBadRequestAsync(response, field);
    }

    [Theory]
    [InlineData("/api/v1/resources/ghost")]
    [InlineData("/api/v1/resources/ghost/logs")]
    [InlineData("/api/v1/loadbalancer/ghost")]
    [InlineData("/api/v1/no-such-route")]
    public async Task An_unknown_resource_or_route_is_a_404_problem(string path)
    {
        using var response = await Api.GetAsync(path, fixture.ViewerKey);

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_resource_shows_its_replicas_with_pids_urls_uptime_usage_and_health_history()
    {
        var notifications = fixture.Get<ResourceNotificationService>();

        // The monitor samples and probes on its interval: wait until it has done both for every replica.
        var detail = await Eventually.WaitAsync(() => Api.GetJsonAsync("/api/v1/resources/web", fixture.ViewerKey),
            d => d.GetProperty("replicas").EnumerateArray().All(r => r.GetProperty("healthHistory").GetArrayLength() > 0 && r.TryGetProperty("rssBytes", out _)),
            TimeSpan.FromSeconds(40), "health history and usage of both replicas");

        var replicas = detail.GetProperty("replicas").EnumerateArray().ToList();
        Assert.Equal(["web-0", "web-1"], replicas.Select(r => r.GetProperty("name").GetString()));
        foreach (var replica in replicas)
        {
            var name = replica.GetProperty("name").GetString()!;
            var snapshot = notifications.GetSnapshot(name)!;
            Assert.Equal(snapshot.ProcessId, replica.GetProperty("pid").GetInt32());
            Assert.Equal(snapshot.Urls.Single(), replica.GetProperty("urls")[0].GetString());
            Assert.Equal("Running", replica.GetProperty("state").GetString());
            Assert.True(replica.GetProperty("uptimeSeconds").GetDouble() > 0);
            Assert.True(replica.GetProperty("rssBytes").GetInt64() > 1_000_000);
            var check = replica.GetProperty("healthHistory")[0];
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
            Assert.True(check.GetProperty("durationMs").GetDouble() >= 0);
            Assert.Equal(0, replica.GetProperty("restartCount").GetInt32());
        }

        Assert.Equal(2, detail.GetProperty("healthyReplicas").GetInt32());
        Assert.Equal("Closed", detail.GetProperty("circuitState").GetString());
        Assert.Equal("Idle", detail.GetProperty("healing").GetProperty("phase").GetString());
    }

    [Fact]
    public async Task A_resource_environment_masks_its_secrets_and_the_injected_api_key()
    {
        using var response = await Api.GetAsync("/api/v1/resources/worker", fixture.ViewerKey);
        var text = await response.Content.ReadAsStringAsync();
        var environment = JsonDocument.Parse(text).RootElement.GetProperty("environment").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => (Value: e.GetProperty("value").GetString(), Secret: e.GetProperty("secret").GetBoolean()));

        Assert.Equal(("********", true), environment["DB_PASSWORD"]);
        Assert.Equal(("********", true), environment["ORCHESTRATOR_API_KEY"]);
        Assert.Equal(("visible", false), environment["PLAIN_SETTING"]);
        Assert.Equal((Api.BaseAddress.ToString().TrimEnd('/'), false), environment["ORCHESTRATOR_API_URL"]);
        Assert.True(environment.ContainsKey("services__web__http__0"));
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain(fixture.OperatorKey, text);
    }

    [Fact]
    public async Task A_resource_with_the_api_receives_its_url_and_operator_key_and_can_call_it()
    {
        var url = await fixture.App.GetEnvironmentOfAsync("worker", "ORCHESTRATOR_API_URL");
        var key = await fixture.App.GetEnvironmentOfAsync("worker", "ORCHESTRATOR_API_KEY");

        Assert.Equal(fixture.OperatorKey, key);
        using var client = new ApiClient(new Uri(url));
        Assert.Equal(0, (await client.GetJsonAsync("/api/v1/status", key)).GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Logs_come_from_every_replica_oldest_first_and_can_be_narrowed()
    {
        var logs = await Eventually.WaitAsync(() => Api.GetJsonAsync("/api/v1/resources/web/logs", fixture.ViewerKey),
            l => l.GetProperty("lines").EnumerateArray().Count(x => x.GetProperty("text").GetString() == "web says hello") == 2,
            Timeout, "the greeting of both replicas");
        var lines = logs.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal("web", logs.GetProperty("resource").GetString());
        Assert.Equal(["web-0", "web-1"], lines.Select(l => l.GetProperty("replica").GetString()).Distinct().Order());
        Assert.All(lines, l => Assert.Equal("stdout", l.GetProperty("stream").GetString()));
        var times = lines.Select(l => l.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);

        var one = await Api.GetJsonAsync("/api/v1/resources/web/logs?replica=web-1&tail=1", fixture.ViewerKey);
        Assert.Equal("web-1", one.GetProperty("lines").EnumerateArray().Single().GetProperty("replica").GetString());
        var byIndex = await Api.GetJsonAsync("/api/v1/resources/web/logs?replica=0", fixture.ViewerKey);
        Assert.All(byIndex.GetProperty("lines").EnumerateArray(), l => Assert.Equal("web-0", l.GetProperty("replica").GetString()));
    }

    [Fact]
    public async Task Dependencies_show_phases_nodes_and_edges()
    {
        var graph = await Api.GetJsonAsync("/api/v1/dependencies", fixture.ViewerKey);

        var phases = graph.GetProperty("phases").EnumerateArray().ToList();
        int PhaseOf(string name) => phases.Single(p => Names(p.GetProperty("resources")).Contains(name)).GetProperty("index").GetInt32();
        Assert.True(PhaseOf("web") < PhaseOf("worker"));
        var edge = graph.GetProperty("edges").EnumerateArray().Single();
        Assert.Equal(("worker", "web", "waitFor"), (edge.GetProperty("from").GetString(), edge.GetProperty("to").GetString(), edge.GetProperty("kind").GetString()));
        var node = graph.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "worker");
        Assert.Equal(("executable", PhaseOf("worker"), "Running"),
            (node.GetProperty("type").GetString(), node.GetProperty("phase").GetInt32(), node.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Healing_history_answers_with_a_list_newest_first_and_honours_since()
    {
        var all = await Api.GetJsonAsync("/api/v1/healing-history?resource=web&limit=5", fixture.ViewerKey);
        var future = await Api.GetJsonAsync($"/api/v1/healing-history?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}", fixture.ViewerKey);

        Assert.Equal(JsonValueKind.Array, all.ValueKind);
        Assert.True(all.GetArrayLength() <= 5);
        Assert.Equal(0, future.GetArrayLength());
    }

    [Fact]
    public async Task Stats_count_requests_by_status_with_latency_percentiles()
    {
        using (await Api.GetAsync("/api/v1/stats"))
        {
        }

        var stats = await Api.GetJsonAsync("/api/v1/stats", fixture.ViewerKey);

        var requests = stats.GetProperty("requests");
        Assert.True(requests.GetProperty("total").GetInt64() >= 2);
        Assert.True(requests.GetProperty("byStatus").GetProperty("401").GetInt64() >= 1);
        Assert.True(stats.GetProperty("latencyMs").GetProperty("p99").GetDouble() >= stats.GetProperty("latencyMs").GetProperty("p50").GetDouble());
        Assert.True(stats.GetProperty("events").GetProperty("published").GetInt64() >= 0);
        Assert.Equal(0, stats.GetProperty("streamClients").GetInt32());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_routes()
    {
        var document = await Api.GetJsonAsync("/openapi/v1.json", fixture.ViewerKey);

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/status", "/api/v1/resources", "/api/v1/resources/{name}", "/api/v1/resources/{name}/restart", "/api/v1/loadbalancer/{name}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    private static IEnumerable<string> Names(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetProperty("name").GetString()!).ToList();
}
