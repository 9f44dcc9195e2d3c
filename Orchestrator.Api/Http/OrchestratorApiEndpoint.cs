using Orchestrator.Api.Security;

namespace Orchestrator.Api.Http;

/// <summary>Where the running API listens, known once Kestrel has bound (so that the AppHost prints it and passes it on).</summary>
public sealed class OrchestratorApiEndpoint
{
    private readonly TaskCompletionSource<Uri> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The base URL (<c>http://127.0.0.1:9000/</c>), or null before the API has bound (or when it is disabled).</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>Where the keys are, for people (never a key).</summary>
    public string? KeyLocation { get; private set; }

    /// <summary>Completes with the base URL once bound.</summary>
    public Task<Uri> WhenBound => _bound.Task;

    internal ApiKeys? Keys { get; private set; }

    internal void SetKeys(ApiKeys keys)
    {
        Keys = keys;
        KeyLocation = keys.Location;
    }

    internal void SetBound(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        _bound.TrySetResult(baseAddress);
    }
}
