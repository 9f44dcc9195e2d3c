using Orchestrator.Hosting.Redis;

namespace Orchestrator.Hosting.Health;

/// <summary>Healthy when the server accepts the password and answers <c>PING</c> with <c>PONG</c>.</summary>
public sealed class RedisHealthProbe : IHealthProbe
{
    private readonly string _host;
    private readonly int _port;
    private readonly string? _password;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;

    /// <param name="host">The server's host.</param>
    /// <param name="port">The server's port.</param>
    /// <param name="password">The password sent with AUTH (never shown), or null for none.</param>
    /// <param name="timeout">How long connect, AUTH and PING may take; <see cref="HealthProbeDefaults.Timeout"/> by default.</param>
    /// <param name="timeProvider">The clock for timestamps, durations and the timeout.</param>
    public RedisHealthProbe(string host, int port, string? password, TimeSpan? timeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        _host = host;
        _port = port;
        _password = password;
        _timeout = timeout ?? HealthProbeDefaults.Timeout;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Description => $"Redis PING on {_host}:{_port}";

    /// <inheritdoc />
    public Task<HealthProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        TimedProbe.RunAsync(_timeProvider, _timeout, PingAsync, cancellationToken);

    private async Task<string?> PingAsync(CancellationToken cancellationToken)
    {
        var client = await RespClient.ConnectAsync(_host, _port, _password, cancellationToken).ConfigureAwait(false);
        await using (client.ConfigureAwait(false))
        {
            var reply = await client.ExecuteAsync(cancellationToken, "PING").ConfigureAwait(false);
            return reply.Text == "PONG" ? null : $"PING answered '{reply.Text}'";
        }
    }
}
