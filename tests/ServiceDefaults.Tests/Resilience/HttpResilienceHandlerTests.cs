using System.Net;
using Microsoft.Extensions.Hosting.Resilience;
using Polly.CircuitBreaker;

namespace ServiceDefaults.Tests.Resilience;

public sealed class HttpResilienceHandlerTests
{
    private static readonly Uri Orders = new("http://catalog/api/orders");

    private readonly ManualTimeProvider _clock = new();

    // No waits between attempts, so only the timeouts need the clock moved.
    private static HttpResilienceOptions Options() => new() { RetryBaseDelay = TimeSpan.Zero, CircuitBreakerEnabled = false };

    private HttpClient ClientOver(ScriptedNetwork network, HttpResilienceOptions options) =>
        new(new HttpResilienceHandler(HttpResiliencePipeline.Create(options, _clock)) { InnerHandler = network });

    [Fact]
    public async Task Retries_a_503_and_returns_the_success_that_follows()
    {
        var network = new ScriptedNetwork(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var client = ClientOver(network, Options());

        using var response = await client.GetAsync(Orders);

        Assert.Equal((HttpStatusCode.OK, 2), (response.StatusCode, network.Requests.Count));
    }

    [Fact]
    public async Task Does_not_retry_a_400()
    {
        var network = new ScriptedNetwork(HttpStatusCode.BadRequest, HttpStatusCode.OK);
        using var client = ClientOver(network, Options());

        using var response = await client.GetAsync(Orders);

        Assert.Equal((HttpStatusCode.BadRequest, 1), (response.StatusCode, network.Requests.Count));
    }

    [Fact]
    public async Task Gives_up_after_the_last_retry_and_returns_the_last_answer()
    {
        var network = new ScriptedNetwork(HttpStatusCode.InternalServerError);
        using var client = ClientOver(network, Options() with { MaxRetryAttempts = 2 });

        using var response = await client.GetAsync(Orders);

        Assert.Equal((HttpStatusCode.InternalServerError, 3), (response.StatusCode, network.Requests.Count));
    }

    [Fact]
    public async Task Does_not_retry_a_post_that_reached_the_service()
    {
        var network = new ScriptedNetwork(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var client = ClientOver(network, Options());

        using var response = await client.PostAsync(Orders, new StringContent("{}"));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, 1), (response.StatusCode, network.Requests.Count));
    }

    [Fact]
    public async Task Retries_a_post_whose_connection_was_refused_with_the_same_body()
    {
        var network = new ScriptedNetwork(new HttpRequestException(HttpRequestError.ConnectionError, "refused"), HttpStatusCode.Created);
        using var client = ClientOver(network, Options());

        using var response = await client.PostAsync(Orders, new StringContent("""{"item":7}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["""{"item":7}""", """{"item":7}"""], network.Bodies);
    }

    [Fact]
    public async Task Retries_a_post_on_a_503_when_told_to()
    {
        var network = new ScriptedNetwork(HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created);
        using var client = ClientOver(network, Options() with { RetryNonIdempotentRequests = true });

        using var response = await client.PostAsync(Orders, new StringContent("{}"));

        Assert.Equal((HttpStatusCode.Created, 2), (response.StatusCode, network.Requests.Count));
    }

    [Fact]
    public async Task Sends_each_attempt_as_a_fresh_copy_of_the_callers_request()
    {
        var network = new ScriptedNetwork(HttpStatusCode.BadGateway, HttpStatusCode.OK);
        using var client = ClientOver(network, Options());
        using var request = new HttpRequestMessage(HttpMethod.Get, Orders);
        request.Headers.Add("x-caller", "storefront");

        using var response = await client.SendAsync(request);

        // Each attempt carries the caller's header and only the header its own trip down the chain added.
        Assert.All(network.Requests, (attempt, i) =>
            Assert.Equal(["storefront", $"{i + 1}"], [attempt.Headers.GetValues("x-caller").Single(), attempt.Headers.GetValues("x-attempt").Single()]));
        Assert.Same(request, response.RequestMessage);
    }

    [Fact]
    public async Task Retries_an_attempt_that_timed_out()
    {
        var network = new ScriptedNetwork(ScriptedNetwork.Hang, HttpStatusCode.OK);
        using var client = ClientOver(network, Options() with { AttemptTimeout = TimeSpan.FromSeconds(2) });

        var call = client.GetAsync(Orders);
        await network.Hanging;
        _clock.Advance(TimeSpan.FromSeconds(2));
        using var response = await call;

        Assert.Equal((HttpStatusCode.OK, 2), (response.StatusCode, network.Requests.Count));
    }

    [Fact]
    public async Task Fails_as_a_timeout_when_the_total_budget_runs_out()
    {
        var network = new ScriptedNetwork(ScriptedNetwork.Hang);
        using var client = ClientOver(network, Options() with { TotalTimeout = TimeSpan.FromSeconds(3) });

        var call = client.GetAsync(Orders);
        await network.Hanging;
        _clock.Advance(TimeSpan.FromSeconds(3));

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => call);
        Assert.IsType<TimeoutException>(exception.InnerException);
    }

    [Fact]
    public async Task Opens_the_circuit_after_repeated_failures_and_refuses_calls_without_sending_them()
    {
        var network = new ScriptedNetwork(HttpStatusCode.InternalServerError);
        var options = Options() with { MaxRetryAttempts = 0, CircuitBreakerEnabled = true, CircuitBreakerMinimumThroughput = 3 };
        using var client = ClientOver(network, options);
        for (var i = 0; i < 3; i++)
        {
            using var _ = await client.GetAsync(Orders);
        }

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(Orders));

        Assert.IsType<BrokenCircuitException>(refused.InnerException);
        Assert.Equal(3, network.Requests.Count);
    }

    [Fact]
    public async Task Lets_a_trial_call_through_once_the_break_is_over()
    {
        var network = new ScriptedNetwork(HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK);
        var options = Options() with
        {
            MaxRetryAttempts = 0,
            CircuitBreakerEnabled = true,
            CircuitBreakerMinimumThroughput = 2,
            CircuitBreakerBreakDuration = TimeSpan.FromSeconds(5),
        };
        using var client = ClientOver(network, options);
        for (var i = 0; i < 2; i++)
        {
            using var _ = await client.GetAsync(Orders);
        }

        _clock.Advance(TimeSpan.FromSeconds(5));
        using var trial = await client.GetAsync(Orders);

        Assert.Equal((HttpStatusCode.OK, 3), (trial.StatusCode, network.Requests.Count));
    }
}
