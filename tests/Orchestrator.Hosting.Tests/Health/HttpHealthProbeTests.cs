using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Tests.Drivers;

namespace Orchestrator.Hosting.Tests.Health;

public sealed class HttpHealthProbeTests : IAsyncLifetime
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false });
    private TestHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await TestHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Discovers_the_first_candidate_path_that_answers_the_expected_status()
    {
        _server.Answer("/api/health", 503);
        _server.Answer("/status", 200);
        _server.Answer("/ping", 200);
        var probe = Discovering();

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.True(result.IsHealthy, result.Error);
        Assert.Equal("/status", probe.DiscoveredPath);
        Assert.Equal(1, _server.Hits("/health"));
        Assert.Equal(0, _server.Hits("/ping"));
    }

    [Fact]
    public async Task Probes_only_the_discovered_path_once_it_is_known()
    {
        _server.Answer("/status", 200);
        var probe = Discovering();
        await probe.ProbeAsync(CancellationToken.None);
        _server.ResetHits();

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.True(result.IsHealthy, result.Error);
        Assert.Equal(0, _server.Hits("/health"));
        Assert.Equal(0, _server.Hits("/api/health"));
        Assert.Equal(1, _server.Hits("/status"));
        Assert.EndsWith("/status", probe.Description);
    }

    [Fact]
    public async Task Forgets_the_discovered_path_when_it_starts_answering_404()
    {
        _server.Answer("/status", 200);
        var probe = Discovering();
        await probe.ProbeAsync(CancellationToken.None);
        _server.Answer("/status", 404);
        _server.Answer("/ping", 200);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.True(result.IsHealthy, result.Error);
        Assert.Equal("/ping", probe.DiscoveredPath);
    }

    [Fact]
    public async Task Keeps_the_discovered_path_when_it_answers_another_error()
    {
        _server.Answer("/status", 200);
        var probe = Discovering();
        await probe.ProbeAsync(CancellationToken.None);
        _server.Answer("/status", 503);
        _server.Answer("/ping", 200);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("503", result.Error);
        Assert.Equal("/status", probe.DiscoveredPath);
    }

    [Fact]
    public async Task Is_unhealthy_when_no_candidate_path_answers()
    {
        _server.Answer("/api/health", 500);
        var probe = Discovering();

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Null(probe.DiscoveredPath);
        Assert.Contains("/health 404", result.Error);
        Assert.Contains("/api/health 500", result.Error);
        Assert.Contains("/ping 404", result.Error);
    }

    [Fact]
    public async Task Probes_only_the_given_path()
    {
        _server.Answer("/ready", 200);
        _server.Answer("/health", 200);
        var probe = new HttpHealthProbe(_server.BaseUrl, "/ready", 200, _client);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.True(result.IsHealthy, result.Error);
        Assert.Equal(1, _server.Hits("/ready"));
        Assert.Equal(0, _server.Hits("/health"));
    }

    [Fact]
    public async Task Is_unhealthy_when_the_given_path_answers_another_status()
    {
        _server.Answer("/ready", 500);
        var probe = new HttpHealthProbe(_server.BaseUrl, "/ready", 200, _client);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("500", result.Error);
    }

    [Fact]
    public async Task Accepts_the_status_it_was_told_to_expect()
    {
        _server.Answer("/ready", 204);
        var probe = new HttpHealthProbe(_server.BaseUrl, "ready", 204, _client);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.True(result.IsHealthy, result.Error);
    }

    [Fact]
    public async Task Is_unhealthy_when_nothing_listens()
    {
        var probe = new HttpHealthProbe($"http://127.0.0.1:{TestRuntime.FreePort()}", "/health", 200, _client);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task Is_unhealthy_when_the_answer_takes_longer_than_the_timeout()
    {
        _server.Hang("/health");
        var probe = new HttpHealthProbe(_server.BaseUrl, "/health", 200, _client, timeout: TimeSpan.FromMilliseconds(200));

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("timed out", result.Error);
    }

    [Fact]
    public async Task Throws_when_cancelled_instead_of_reporting_unhealthy()
    {
        _server.Hang("/health");
        var probe = new HttpHealthProbe(_server.BaseUrl, "/health", 200, _client);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe.ProbeAsync(cancellation.Token));
    }

    private HttpHealthProbe Discovering() => new(_server.BaseUrl, path: null, 200, _client);
}
