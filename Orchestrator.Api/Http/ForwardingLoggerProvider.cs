using Microsoft.Extensions.Logging;

namespace Orchestrator.Api.Http;

/// <summary>Sends the API web host's logs to the AppHost's loggers, so that they land where the orchestrator's do.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory appHost) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => appHost.CreateLogger(categoryName);

    public void Dispose()
    {
        // The AppHost owns its logger factory.
    }
}
