namespace Orchestrator.Api.Registration;

/// <summary>A live registration: what the client sent, its replicas' names, and the probes that watch them.</summary>
internal sealed class RegisteredService(
    ExternalServiceRegistration registration, IReadOnlyList<string> replicas, IReadOnlyList<ExternalEndpointProbe> probes) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _probing = Task.CompletedTask;

    public ExternalServiceRegistration Registration { get; } = registration;

    public IReadOnlyList<string> Replicas { get; } = replicas;

    public IReadOnlyList<ExternalEndpointProbe> Probes { get; } = probes;

    public void StartProbing()
    {
        var stopping = _stopping.Token;
        // Run off the caller's thread: the first probe starts at once and must not hold the registry's lock.
        _probing = Task.WhenAll(Probes.Select(p => Task.Run(() => p.RunAsync(stopping), CancellationToken.None)));
    }

    /// <summary>Stops every probe and waits until none can publish any more.</summary>
    public async Task StopProbingAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _probing.ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();
}
