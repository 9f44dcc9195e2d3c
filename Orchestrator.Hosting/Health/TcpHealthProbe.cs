using System.Net.Sockets;

namespace Orchestrator.Hosting.Health;

/// <summary>Healthy when a TCP connection to the endpoint succeeds.</summary>
public sealed class TcpHealthProbe : IHealthProbe
{
    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;

    /// <param name="host">The host to connect to.</param>
    /// <param name="port">The port to connect to.</param>
    /// <param name="timeout">How long the connect may take; <see cref="HealthProbeDefaults.Timeout"/> by default.</param>
    /// <param name="timeProvider">The clock for timestamps, durations and the timeout.</param>
    public TcpHealthProbe(string host, int port, TimeSpan? timeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        _host = host;
        _port = port;
        _timeout = timeout ?? HealthProbeDefaults.Timeout;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Description => $"TCP connect {_host}:{_port}";

    /// <inheritdoc />
    public Task<HealthProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        TimedProbe.RunAsync(_timeProvider, _timeout, ConnectAsync, cancellationToken);

    private async Task<string?> ConnectAsync(CancellationToken cancellationToken)
    {
        // A dual-mode socket reaches both 127.0.0.1 and ::1, whichever the host name resolves to.
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(_host, _port, cancellationToken).ConfigureAwait(false);
        return null;
    }
}
