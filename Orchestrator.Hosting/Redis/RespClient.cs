using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Orchestrator.Hosting.Redis;

/// <summary>
/// A small Redis client over one TCP connection, speaking RESP2: commands go out as arrays of bulk
/// strings, replies come back as <see cref="RespValue"/>. StackExchange.Redis does not restore here,
/// and a health check and a demo cache need no more. Depends on the BCL only, so that a sample service
/// can compile this file in. Not thread-safe: one command at a time.
/// </summary>
public sealed class RespClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly BufferedStream _reader;

    private RespClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new BufferedStream(_stream, 8192);
    }

    /// <summary>Connects, and authenticates when a password is given.</summary>
    /// <exception cref="RespException">The server refused the password.</exception>
    public static async Task<RespClient> ConnectAsync(string host, int port, string? password, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            var client = new RespClient(tcp);
            if (!string.IsNullOrEmpty(password))
            {
                await client.ExecuteAsync(cancellationToken, "AUTH", password).ConfigureAwait(false);
            }

            return client;
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Connects from a connection string in Aspire's format: <c>host:port,password=...</c>.</summary>
    public static Task<RespClient> ConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var parts = connectionString.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var hostPort = parts[0];
        var colon = hostPort.LastIndexOf(':');
        var host = colon > 0 ? hostPort[..colon] : hostPort;
        var port = colon > 0 ? int.Parse(hostPort[(colon + 1)..], CultureInfo.InvariantCulture) : 6379;
        var password = parts.Skip(1)
            .Select(p => p.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[0].Equals("password", StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv[1])
            .LastOrDefault();
        return ConnectAsync(host, port, password, cancellationToken);
    }

    /// <summary>Sends one command and reads its reply.</summary>
    /// <exception cref="RespException">The server answered with an error.</exception>
    public async Task<RespValue> ExecuteAsync(CancellationToken cancellationToken, params string[] command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Length == 0)
        {
            throw new ArgumentException("A command needs at least its name.", nameof(command));
        }

        var request = new StringBuilder();
        request.Append('*').Append(command.Length).Append("\r\n");
        foreach (var part in command)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }

        await _stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken).ConfigureAwait(false);
        var reply = await ReadValueAsync(cancellationToken).ConfigureAwait(false);
        return reply.Kind == RespKind.Error ? throw new RespException(reply.Text ?? "ERR") : reply;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
    }

    private async Task<RespValue> ReadValueAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line.Length == 0)
        {
            throw new RespException("Empty reply from the server.");
        }

        var body = line[1..];
        switch (line[0])
        {
            case '+':
                return new RespValue(RespKind.SimpleString, body);
            case '-':
                return new RespValue(RespKind.Error, body);
            case ':':
                return new RespValue(RespKind.Integer, body);
            case '$':
                var length = int.Parse(body, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return new RespValue(RespKind.Null, null);
                }

                var buffer = new byte[length + 2];
                await _reader.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
                return new RespValue(RespKind.BulkString, Encoding.UTF8.GetString(buffer, 0, length));
            case '*':
                var count = int.Parse(body, CultureInfo.InvariantCulture);
                if (count < 0)
                {
                    return new RespValue(RespKind.Null, null);
                }

                var items = new RespValue[count];
                for (var i = 0; i < count; i++)
                {
                    items[i] = await ReadValueAsync(cancellationToken).ConfigureAwait(false);
                }

                return new RespValue(RespKind.Array, null, items);
            default:
                throw new RespException($"Unexpected reply type '{line[0]}'.");
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var bytes = new List<byte>(64);
        var one = new byte[1];
        while (true)
        {
            if (await _reader.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new RespException("The server closed the connection.");
            }

            if (one[0] == '\n' && bytes.Count > 0 && bytes[^1] == '\r')
            {
                return Encoding.UTF8.GetString(bytes.ToArray(), 0, bytes.Count - 1);
            }

            bytes.Add(one[0]);
        }
    }
}
