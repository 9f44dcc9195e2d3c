using System.Net;
using System.Text.Json;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>Registering external services and picking replicas through the API; the "external" services are the fixture's real web replicas.</summary>
[Trait("Category", "Integration")]
public sealed class ApiRegistrationTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private ApiClient Api => fixture.Client;

    private IReadOnlyList<string> WebUrls => fixture.Get<ResourceNotificationService>().GetSnapshots("web").Select(s => s.Urls[0]).ToList();

    [Fact]
    public async Task A_registered_service_is_a_resource_that_is_balanced_and_can_be_removed()
    {
        var body = JsonSerializer.Serialize(new
        {
            name = "partner",
            endpoints = WebUrls.Select(u => new { url = u }),
            healthCheck = new { path = "/health", intervalSeconds = 0.5 },
        });

        using var created = await Api.PostAsync("/api/v1/resources", fixture.OperatorKey, body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/resources/partner", created.Headers.Location?.OriginalString);
        var detail = await Problems.ReadAsync(created);
        Assert.Equal(("partner", "external", true), (detail.GetProperty("name").GetString(), detail.GetProperty("type").GetString(), detail.GetProperty("external").GetBoolean()));
        Assert.Equal(2, detail.GetProperty("replicas").GetArrayLength());
        var listed = await Api.GetJsonAsync("/api/v1/resources?type=external", fixture.ViewerKey);
        Assert.Equal("partner", listed.EnumerateArray().Single().GetProperty("name").GetString());

        var picked = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            var pick = await Eventually.WaitAsync(() => Api.GetAsync("/api/v1/loadbalancer/partner?strategy=round-robin", fixture.ViewerKey),
                r => r.StatusCode == HttpStatusCode.OK, Timeout, "a pick of partner");
            var json = await Problems.ReadAsync(pick);
            Assert.Equal(("partner", "round-robin"), (json.GetProperty("resource").GetString(), json.GetProperty("strategy").GetString()));
            picked.Add(json.GetProperty("url").GetString()!.TrimEnd('/'));
        }

        Assert.Equal(WebUrls.Select(u => u.TrimEnd('/')).Order(), picked.Order());
        foreach (var command in new[] { "start", "stop", "restart", "release" })
        {
            await Problems.AssertProblemAsync(await Api.PostAsync($"/api/v1/resources/partner/{command}", fixture.OperatorKey), HttpStatusCode.Conflict);
        }

        await Problems.AssertProblemAsync(await Api.PostAsync("/api/v1/resources", fixture.OperatorKey, body), HttpStatusCode.Conflict);
        using var removed = await Api.DeleteAsync("/api/v1/resources/partner", fixture.OperatorKey);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await Problems.AssertProblemAsync(await Api.GetAsync("/api/v1/resources/partner", fixture.ViewerKey), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await Api.DeleteAsync("/api/v1/resources/partner", fixture.OperatorKey), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_balancer_picks_a_running_replica_of_a_model_resource_by_every_strategy()
    {
        foreach (var strategy in new[] { "power-of-two", "round-robin", "least-connections", "weighted", "ip-hash" })
        {
            var pick = await Api.GetJsonAsync($"/api/v1/loadbalancer/web?strategy={strategy}", fixture.ViewerKey);

            Assert.Equal(strategy, pick.GetProperty("strategy").GetString());
            Assert.Contains(pick.GetProperty("url").GetString()!.TrimEnd('/'), WebUrls.Select(u => u.TrimEnd('/')));
        }

        Assert.Equal("power-of-two", (await Api.GetJsonAsync("/api/v1/loadbalancer/web", fixture.ViewerKey)).GetProperty("strategy").GetString());
    }

    [Fact]
    public async Task A_service_whose_endpoints_all_fail_their_checks_cannot_be_picked()
    {
        var body = """{ "name": "deadend", "endpoints": [ { "url": "http://127.0.0.1:9/" } ], "healthCheck": { "intervalSeconds": 0.2, "timeoutSeconds": 0.2 } }""";
        using var created = await Api.PostAsync("/api/v1/resources", fixture.OperatorKey, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        try
        {
            var answer = await Eventually.WaitAsync(() => Api.GetAsync("/api/v1/loadbalancer/deadend", fixture.ViewerKey),
                r => r.StatusCode == HttpStatusCode.ServiceUnavailable, Timeout, "no replica of deadend to pick");

            await Problems.AssertProblemAsync(answer, HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            using var _ = await Api.DeleteAsync("/api/v1/resources/deadend", fixture.OperatorKey);
        }
    }

    [Fact]
    public async Task A_model_resource_cannot_be_registered_over_or_removed()
    {
        var body = $$"""{ "name": "web", "endpoints": [ { "url": "{{WebUrls[0]}}" } ] }""";

        await Problems.AssertProblemAsync(await Api.PostAsync("/api/v1/resources", fixture.OperatorKey, body), HttpStatusCode.Conflict);
        await Problems.AssertProblemAsync(await Api.DeleteAsync("/api/v1/resources/web", fixture.OperatorKey), HttpStatusCode.Conflict);
        await Problems.AssertProblemAsync(await Api.DeleteAsync("/api/v1/resources/ghost", fixture.OperatorKey), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{ "name": "Bad Name", "endpoints": [ { "url": "http://127.0.0.1:1/" } ] }""", "name")]
    [InlineData("""{ "name": 42, "endpoints": [ { "url": "http://127.0.0.1:1/" } ] }""", "name")]
    [InlineData("""{ "endpoints": [ { "url": "http://127.0.0.1:1/" } ] }""", "name")]
    [InlineData("""{ "name": "ok", "endpoints": [ { "url": "not a url" } ] }""", "endpoints[0].url")]
    [InlineData("""{ "name": "ok", "endpoints": [ { "url": "ftp://127.0.0.1/" } ] }""", "endpoints[0].url")]
    [InlineData("""{ "name": "ok", "endpoints": [] }""", "endpoints")]
    [InlineData("""{ "name": "ok", "endpoints": "http://127.0.0.1:1/" }""", "endpoints")]
    [InlineData("""{ "name": "ok", "endpoints": [ { "url": "http://127.0.0.1:1/" } ], "weight": 0 }""", "weight")]
    [InlineData("""{ "name": "ok", "endpoints": [ { "url": "http://127.0.0.1:1/" } ], "weight": "heavy" }""", "weight")]
    [InlineData("""{ "name": "ok", "endpoints": [ { "url": "http://127.0.0.1:1/", "weight": -1 } ] }""", "endpoints[0].weight")]
    [InlineData("""{ "name": "ok", "endpoints": [ { "url": "http://127.0.0.1:1/" } ], "dependencies": [ "ghost" ] }""", "dependencies[0]")]
    [InlineData("""{ "name": "ok", "type": "project", "endpoints": [ { "url": "http://127.0.0.1:1/" } ] }""", "type")]
    [InlineData("""{ "name": "ok", "endpoints": [ { "url": "http://127.0.0.1:1/" } ], "healthCheck": { "path": "health" } }""", "healthCheck.path")]
    [InlineData("""{ "name": "ok", "endpoints": [ { "url": "http://127.0.0.1:1/" } ], "healthCheck": { "intervalSeconds": -5 } }""", "healthCheck.intervalSeconds")]
    [InlineData("""{ "name": "ok", "endpoints": [ """, "endpoints[0]")]
    [InlineData("""not json at all""", "body")]
    [InlineData("""[1, 2, 3]""", "body")]
    [InlineData("""null""", "body")]
    [InlineData("", "body")]
    public async Task A_bad_registration_is_a_400_that_names_the_field(string json, string field)
    {
        using var response = await Api.PostAsync("/api/v1/resources", fixture.OperatorKey, json);

        await Problems.AssertBadRequestAsync(response, field);
        Assert.Equal(0, (await Api.GetJsonAsync("/api/v1/resources?type=external", fixture.ViewerKey)).GetArrayLength());
    }

    [Theory]
    [InlineData("name=ok", "application/x-www-form-urlencoded", "application/json")]
    [InlineData("""{ "name": "ok" }""", null, "text/html")]
    public async Task A_registration_that_is_not_JSON_is_a_415_problem_that_says_what_to_send(string body, string? contentType, string accept)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/resources") { Content = content };
        request.Headers.Accept.ParseAdd(accept);
        using var response = await Api.SendAsync(request, fixture.OperatorKey, KeyScheme.Header);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("Content-Type: application/json", problem.GetProperty("detail").GetString());
    }
}
