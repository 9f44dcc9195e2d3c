using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>Commands take no body: one that sends something is told so, before anything is done.</summary>
[Trait("Category", "Integration")]
public sealed class ApiCommandBodyTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private ApiClient Api => fixture.Client;

    [Theory]
    [InlineData("/api/v1/resources/ghost/restart", "{ not json", "The body is not valid JSON.")]
    [InlineData("/api/v1/resources/ghost/restart", """{ "force": true }""", "takes no body")]
    [InlineData("/api/v1/resources/restart", "[]", "takes no body")]
    [InlineData("/api/v1/resources/stop", "null", "takes no body")]
    public async Task A_command_with_JSON_in_its_body_is_a_400_problem_naming_the_body(string path, string json, string message)
    {
        using var response = await Api.PostAsync(path, fixture.OperatorKey, json);

        var problem = await Problems.AssertBadRequestAsync(response, "body");
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Fact]
    public async Task A_command_with_a_body_that_is_not_JSON_is_a_415_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/resources/ghost/stop") { Content = new StringContent("now", Encoding.UTF8, "text/plain") };

        using var response = await Api.SendAsync(request, fixture.OperatorKey, KeyScheme.Header);

        await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{ }")]
    public async Task A_command_with_no_body_an_empty_one_or_an_empty_object_goes_through(string? json)
    {
        // An unknown resource: the answer is the command's own 404, so the body was let through.
        using var response = await Api.PostAsync("/api/v1/resources/ghost/restart", fixture.OperatorKey, json);

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_even_for_a_client_that_asks_for_html()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nowhere");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await Api.SendAsync(request, fixture.OperatorKey, KeyScheme.Header);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("/api/v1/nowhere", problem.GetProperty("detail").GetString());
    }
}
