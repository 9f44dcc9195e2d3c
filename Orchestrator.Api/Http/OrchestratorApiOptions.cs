namespace Orchestrator.Api.Http;

/// <summary>
/// The control API's settings, section <c>Orchestrator:Api</c>; <c>ORCHESTRATOR_API_PORT</c>,
/// <c>ORCHESTRATOR_API_KEY</c> and <c>ORCHESTRATOR_VIEWER_KEY</c> override their settings.
/// </summary>
public sealed record OrchestratorApiOptions
{
    /// <summary>False turns the API off.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The address to bind (default loopback).</summary>
    public string Address { get; init; } = OrchestratorApiDefaults.Address;

    /// <summary>The port to bind; 0 takes any free port (tests do).</summary>
    public int Port { get; init; } = OrchestratorApiDefaults.Port;

    /// <summary>
    /// True when the port was set (configuration or <c>ORCHESTRATOR_API_PORT</c>): a port that is taken then stops the AppHost.
    /// The default port, when taken (another AppHost runs), gives way to a free one.
    /// </summary>
    public bool PortConfigured { get; init; }

    /// <summary>The operator key; generated into <c>{state}/secrets/api-operator-key</c> when not given.</summary>
    public string? OperatorKey { get; init; }

    /// <summary>The viewer key; generated into <c>{state}/secrets/api-viewer-key</c> when not given.</summary>
    public string? ViewerKey { get; init; }

    /// <summary>Requests per second each client (key or address) may make on average.</summary>
    public int PermitPerSecond { get; init; } = OrchestratorApiDefaults.PermitPerSecond;

    /// <summary>Requests a client may make at once after a quiet while.</summary>
    public int Burst { get; init; } = OrchestratorApiDefaults.Burst;

    /// <summary>The largest request body in bytes; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = OrchestratorApiDefaults.MaxRequestBodyBytes;

    // Options print in logs and test output; keys must not.
    /// <inheritdoc />
    public override string ToString() =>
        $"OrchestratorApiOptions {{ Enabled = {Enabled}, Address = {Address}, Port = {Port}, PermitPerSecond = {PermitPerSecond}, Burst = {Burst}, MaxRequestBodyBytes = {MaxRequestBodyBytes} }}";
}
