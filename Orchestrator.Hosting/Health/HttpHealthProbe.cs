namespace Orchestrator.Hosting.Health;

/// <summary>
/// Healthy when an HTTP GET answers the expected status. Without a fixed path it tries
/// <see cref="HealthProbeDefaults.HttpCandidatePaths"/> in turn, remembers the first that answers, probes
/// only that one afterwards, and forgets it again when it starts answering 404 (a new build moved it).
/// Plain HTTP to an IP address or <c>localhost</c> (every replica's own endpoint) goes through
/// <see cref="HttpStatusFetcher"/>; anything else (TLS, other host names) through the shared <see cref="HttpClient"/>.
/// </summary>
public sealed class HttpHealthProbe : IHealthProbe
{
    private readonly string _baseUrl;
    private readonly string? _path;
    private readonly int _expectedStatus;
    private readonly Lazy<HttpClient> _httpClient;
    private readonly HttpStatusFetcher? _fetcher;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private string? _discoveredPath;

    /// <param name="baseUrl">The endpoint's URL: <c>http://127.0.0.1:5123</c>.</param>
    /// <param name="path">The path to GET, or null to discover one.</param>
    /// <param name="expectedStatus">The status code that means healthy.</param>
    /// <param name="httpClient">The client to send with; shared, not disposed by the probe.</param>
    /// <param name="timeout">How long one probe may take, discovery included; <see cref="HealthProbeDefaults.Timeout"/> by default.</param>
    /// <param name="timeProvider">The clock for timestamps, durations and the timeout.</param>
    public HttpHealthProbe(
        string baseUrl,
        string? path,
        int expectedStatus,
        HttpClient httpClient,
        TimeSpan? timeout = null,
        TimeProvider? timeProvider = null)
        : this(baseUrl, path, expectedStatus, new Lazy<HttpClient>(() => httpClient), timeout, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
    }

    // The client is only made when a probe needs it (TLS, a host name): creating it loads the HTTP
    // stack, QUIC and TLS into the AppHost, megabytes that most AppHosts never use.
    internal HttpHealthProbe(
        string baseUrl,
        string? path,
        int expectedStatus,
        Lazy<HttpClient> httpClient,
        TimeSpan? timeout = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseUrl);
        _baseUrl = baseUrl.TrimEnd('/');
        _path = string.IsNullOrEmpty(path) ? null : "/" + path.TrimStart('/');
        _expectedStatus = expectedStatus;
        _httpClient = httpClient;
        _fetcher = HttpStatusFetcher.TryCreate(_baseUrl);
        _timeout = timeout ?? HealthProbeDefaults.Timeout;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long one probe may take, discovery included.</summary>
    public TimeSpan Timeout => _timeout;

    /// <summary>The path discovery settled on, or null (a fixed path, or nothing answered yet).</summary>
    public string? DiscoveredPath => Volatile.Read(ref _discoveredPath);

    /// <inheritdoc />
    public string Description => (_path ?? DiscoveredPath) is { } path
        ? $"GET {_baseUrl}{path}"
        : $"GET {_baseUrl}{{{string.Join('|', HealthProbeDefaults.HttpCandidatePaths)}}}";

    /// <inheritdoc />
    public Task<HealthProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        TimedProbe.RunAsync(_timeProvider, _timeout, CheckAsync, cancellationToken);

    private async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (_path is not null)
        {
            var status = await GetStatusAsync(_path, cancellationToken).ConfigureAwait(false);
            return status == _expectedStatus ? null : Unexpected(_path, status);
        }

        var known = DiscoveredPath;
        if (known is not null)
        {
            var status = await GetStatusAsync(known, cancellationToken).ConfigureAwait(false);
            if (status == _expectedStatus)
            {
                return null;
            }

            if (status != 404)
            {
                return Unexpected(known, status);
            }

            Interlocked.CompareExchange(ref _discoveredPath, null, known);
        }

        return await DiscoverAsync(skip: known, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> DiscoverAsync(string? skip, CancellationToken cancellationToken)
    {
        var answers = new List<string>();
        foreach (var candidate in HealthProbeDefaults.HttpCandidatePaths.Where(p => p != skip))
        {
            var status = await GetStatusAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (status == _expectedStatus)
            {
                Volatile.Write(ref _discoveredPath, candidate);
                return null;
            }

            answers.Add($"{candidate} {status}");
        }

        return $"no health path answered {_expectedStatus} ({string.Join(", ", answers)})";
    }

    private async Task<int> GetStatusAsync(string path, CancellationToken cancellationToken)
    {
        if (_fetcher is not null)
        {
            return await _fetcher.GetStatusAsync(path, cancellationToken).ConfigureAwait(false);
        }

        using var response = await _httpClient.Value
            .GetAsync(new Uri(_baseUrl + path), HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        return (int)response.StatusCode;
    }

    private string Unexpected(string path, int status) => $"GET {path} answered {status}, expected {_expectedStatus}";
}
