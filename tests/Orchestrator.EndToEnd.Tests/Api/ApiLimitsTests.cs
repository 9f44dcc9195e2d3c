using System.Net;
using System.Text;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>Floods and oversized bodies: the API refuses them with 429 and 413, and the orchestrator and its resources carry on.</summary>
[Trait("Category", "Integration")]
public sealed class ApiLimitsTests(LimitsAppFixture fixture) : IClassFixture<LimitsAppFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private ApiClient Api => fixture.Client;

    [Fact]
    public async Task A_flood_gets_429_with_retry_after_and_leaves_the_orchestrator_and_its_resources_running()
    {
        var notifications = fixture.Get<ResourceNotificationService>();
        var pids = notifications.GetSnapshots().ToDictionary(s => s.ReplicaName, s => s.ProcessId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Api.GetAsync("/api/v1/resources", fixture.ViewerKey)));

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(limited.Count >= 200 - (LimitsAppFixture.Burst * 3), $"only {limited.Count} of 200 were limited");
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, r.StatusCode.ToString()));
        await Problems.AssertProblemAsync(limited[0], HttpStatusCode.TooManyRequests);
        var retryAfter = limited[0].Headers.RetryAfter?.Delta;
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1), $"Retry-After: {retryAfter}");
        foreach (var response in responses)
        {
            response.Dispose();
        }

        using var health = await Api.GetAsync("/health");
        Assert.True(health.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests);
        var status = await Eventually.WaitAsync(() => Api.GetAsync("/api/v1/status", fixture.ViewerKey),
            r => r.StatusCode == HttpStatusCode.OK, Timeout, "the API to serve the viewer again");
        Assert.Equal(0, (await Problems.ReadAsync(status)).GetProperty("errors").GetArrayLength());
        Assert.Equal(pids, notifications.GetSnapshots().ToDictionary(s => s.ReplicaName, s => s.ProcessId));
        Assert.All(notifications.GetSnapshots(), s => Assert.Equal(KnownResourceState.Running, s.State));
    }

    [Fact]
    public async Task Callers_without_a_valid_key_share_their_address_budget_so_made_up_keys_buy_nothing()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Api.GetAsync("/api/v1/status", $"made-up-{i}")));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, r.StatusCode.ToString()));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_whether_or_not_its_length_is_announced()
    {
        var json = $$"""{ "name": "big", "endpoints": [ { "url": "http://127.0.0.1:1/{{new string('a', LimitsAppFixture.BodyLimit * 2)}}" } ] }""";

        var announced = await Eventually.WaitAsync(() => Api.PostAsync("/api/v1/resources", fixture.OperatorKey, json),
            r => r.StatusCode != HttpStatusCode.TooManyRequests, Timeout, "an answer that is not 429");
        await Problems.AssertProblemAsync(announced, HttpStatusCode.RequestEntityTooLarge);

        var chunked = await Eventually.WaitAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/resources")
            {
                Content = new ChunkedJson(Encoding.UTF8.GetBytes(json)),
            };
            return await Api.SendAsync(request, fixture.OperatorKey, KeyScheme.Header);
        }, r => r.StatusCode != HttpStatusCode.TooManyRequests, Timeout, "an answer that is not 429");
        await Problems.AssertProblemAsync(chunked, HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>A JSON body without a Content-Length, so the server only learns its size by reading it.</summary>
    private sealed class ChunkedJson : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedJson(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
