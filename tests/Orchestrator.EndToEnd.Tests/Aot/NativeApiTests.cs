using System.Net;
using System.Text.Json;
using Orchestrator.EndToEnd.Tests.Api;

namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>
/// The control API of a Native AOT AppHost, where reflection-based JSON and trimmed code break first: every answer is
/// read for its content (names, states, pids), not only its status.
/// </summary>
[Trait("Category", "Integration")]
[Collection(NativeAotCollection.Name)]
public sealed class NativeApiTests(NativeAppHostFixture fixture)
{
    private NativeAppHost Host => fixture.Host;

    [Fact]
    public async Task Resources_come_up_healthy_and_the_API_shows_their_live_pids_and_urls()
    {
        var list = await NativeApi.WaitUntilAllHealthyAsync(Host);

        Assert.Equal(["web", "worker"], NativeApi.Names(list).Order());
        var web = list.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "web");
        Assert.Equal(("executable", 2, 2), (web.GetProperty("type").GetString(), web.GetProperty("replicas").GetInt32(), web.GetProperty("urls").GetArrayLength()));
        var worker = list.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "worker");
        Assert.Equal(["web"], NativeApi.Names(worker.GetProperty("dependencies")));

        var detail = await Host.GetJsonAsync("/api/v1/resources/web");
        Assert.Equal(("web", "Running"), (detail.GetProperty("name").GetString(), detail.GetProperty("state").GetString()));
        Assert.Equal(["web-0", "web-1"], NativeApi.Names(detail.GetProperty("replicas")));
        using var http = new HttpClient { Timeout = NativeApi.Timeout };
        foreach (var replica in detail.GetProperty("replicas").EnumerateArray())
        {
            var pid = replica.GetProperty("pid").GetInt32();
            Assert.Equal(("Running", "Healthy"), (replica.GetProperty("state").GetString(), replica.GetProperty("health").GetString()));
            Assert.True(NativeApi.IsTestService(pid, "web"), $"pid {pid} is not a live web replica: '{NativeApi.CommandLineOf(pid)}'");
            // The replica behind the URL is the process the API names.
            Assert.Equal($"ok pid={pid}", await http.GetStringAsync($"{replica.GetProperty("urls")[0].GetString()}/health"));
        }

        var environment = (await Host.GetJsonAsync("/api/v1/resources/worker")).GetProperty("environment");
        Assert.Contains(environment.EnumerateArray(), e => e.GetProperty("name").GetString() == "services__web__http__0");
    }

    [Fact]
    public async Task Status_and_health_report_every_resource_in_JSON()
    {
        await NativeApi.WaitUntilAllHealthyAsync(Host);
        using (var health = await Host.Api.GetAsync("/health"))
        {
            Assert.Equal("Healthy", (await Problems.ReadAsync(health)).GetProperty("status").GetString());
        }

        var status = await Host.GetJsonAsync("/api/v1/status");

        // A busy machine may cross a host threshold (Degraded, with a host warning); no resource may be wrong.
        Assert.Contains(status.GetProperty("status").GetString(), new[] { "Healthy", "Degraded" });
        Assert.Equal(["web", "worker"], NativeApi.Names(status.GetProperty("resources")).Order());
        Assert.Equal(0, status.GetProperty("errors").GetArrayLength());
        Assert.True(status.GetProperty("uptimeSeconds").GetDouble() > 0);
        Assert.True(status.GetProperty("host").GetProperty("memoryTotalBytes").GetInt64() > 0);
        Assert.Equal(80, status.GetProperty("host").GetProperty("thresholds").GetProperty("cpuPercent").GetDouble());
    }

    [Theory]
    [InlineData("GET", "/api/v1/resources?state=Sleepy", null, "state")]
    [InlineData("GET", "/api/v1/healing-history?limit=0", null, "limit")]
    [InlineData("POST", "/api/v1/resources/web/restart", """{ "now": true }""", "body")]
    [InlineData("POST", "/api/v1/resources", """{ "name": 42, "endpoints": [ { "url": "http://127.0.0.1:1/" } ] }""", "name")]
    [InlineData("POST", "/api/v1/resources", """{ "name": "ok", "endpoints": [ { "url": "not a url" } ] }""", "endpoints[0].url")]
    public async Task A_bad_request_is_a_400_problem_that_names_the_field(string method, string path, string? json, string field)
    {
        using var response = method == "GET"
            ? await Host.Api.GetAsync(path, Host.OperatorKey)
            : await Host.Api.PostAsync(path, Host.OperatorKey, json);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
            $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{Host.OutputTail()}");
        var problem = await Problems.AssertBadRequestAsync(response, field);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty(field)[0].GetString()));
    }

    [Fact]
    public async Task An_external_service_registers_is_shown_and_is_removed()
    {
        var webUrl = NativeApi.Replica(await Host.GetJsonAsync("/api/v1/resources/web"), "web-0").GetProperty("urls")[0].GetString();
        var body = $$"""{ "name": "partner", "endpoints": [ { "url": "{{webUrl}}", "weight": 2 } ], "healthCheck": { "path": "/health", "intervalSeconds": 1 }, "dependencies": [ "web" ] }""";

        using (var registered = await Host.Api.PostAsync("/api/v1/resources", Host.OperatorKey, body))
        {
            Assert.True(registered.IsSuccessStatusCode, $"{(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}\n{Host.OutputTail()}");
        }

        try
        {
            var partner = await Eventually.WaitAsync(() => Host.GetJsonAsync("/api/v1/resources/partner"),
                d => d.GetProperty("healthyReplicas").GetInt32() == 1, NativeApi.Timeout, "partner probed healthy");
            Assert.Equal(("external", true), (partner.GetProperty("type").GetString(), partner.GetProperty("external").GetBoolean()));
            Assert.Equal(["partner-0"], NativeApi.Names(partner.GetProperty("replicas")));
            Assert.Equal(["web"], NativeApi.Names(partner.GetProperty("dependencies")));
        }
        finally
        {
            using var removed = await Host.Api.DeleteAsync("/api/v1/resources/partner", Host.OperatorKey);
            Assert.True(removed.IsSuccessStatusCode, $"{(int)removed.StatusCode} {await removed.Content.ReadAsStringAsync()}\n{Host.OutputTail()}");
        }

        using var gone = await Host.Api.GetAsync("/api/v1/resources/partner", Host.ViewerKey);
        await Problems.AssertProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_with_the_routes_and_key_schemes()
    {
        var document = await Host.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/status", "/api/v1/resources", "/api/v1/resources/{name}", "/api/v1/healing-history", "/api/v1/resources/{name}/restart" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }

        Assert.Equal("X-Api-Key", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Object, document.GetProperty("components").GetProperty("schemas").ValueKind);
    }
}
