using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.Hosting.Resilience;

/// <summary>
/// One pipeline per client and per service (the request's host and port, which for <c>http://catalog</c> is the
/// service, not a replica), kept for the process's life. A singleton: the HTTP client factory recycles its handlers
/// every few minutes, and a circuit kept in a handler would close with it.
/// </summary>
internal sealed class HttpResiliencePipelineCache
{
    private readonly ConcurrentDictionary<(string Client, string Authority), ResiliencePipeline<HttpResponseMessage>> _pipelines = new();
    private readonly IOptionsMonitor<HttpResilienceOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public HttpResiliencePipelineCache(IOptionsMonitor<HttpResilienceOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger(typeof(HttpResilienceHandler).FullName!);
    }

    public ResiliencePipeline<HttpResponseMessage> For(string clientName, HttpRequestMessage request) =>
        _pipelines.GetOrAdd(
            (clientName, request.RequestUri is { IsAbsoluteUri: true } uri ? uri.Authority : string.Empty),
            static (key, cache) => HttpResiliencePipeline.Create(cache._options.Get(key.Client), cache._timeProvider, cache._logger),
            this);
}
