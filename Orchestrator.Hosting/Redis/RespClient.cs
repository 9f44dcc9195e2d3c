using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Orchestrator.Hosting.Redis;

/// <summary>
/// A small Redis client over one TCP connection, speaking RESP2: commands go out as arrays of bulk
/// strings, replies come back as <see cref="RespValue"/>. StackExchange.Redis does not restore here,
/// and a health check and a demo cache need no more. Depends on the BCL only, so that a sample service
/// can compile this file in (with RespValue.cs, RespKind.cs and RespException.cs). Not thread-safe: one
/// command at a time. A command cancelled half-way leaves the connection out of step: dispose it.
/// </summary>
public sealed class RespClient : IAsyncDisposable
{
    private const int InitialBufferSize = 8192;
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    // Bytes received and not yet parsed are _buffer[_start.._end].
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;

    private RespClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Connects, and authenticates when a password is given.</summary>
    /// <exception cref="RespException">The server refused the password.</exception>
    public static async Task<RespClient> ConnectAsync(string host, int port, string? password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var tcp = new TcpClient { NoDelay = true };
        RespClient? client = null;
        try
        {
            await tcp.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            client = new RespClient(tcp);
            if (!string.IsNullOrEmpty(password))
            {
                await client.ExecuteAsync(cancellationToken, "AUTH", password).ConfigureAwait(false);
            }

            return client;
        }
        catch
        {
            if (client is not null)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                tcp.Dispose();
            }

            throw;
        }
    }

    /// <summary>Connects from a connection string in Aspire's format: <c>host:port,password=...</c> (see <see cref="RespConnectionString"/>; other options are ignored).</summary>
    public static Task<RespClient> ConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        var parsed = RespConnectionString.Parse(connectionString);
        return ConnectAsync(parsed.Host, parsed.Port, parsed.Password, cancellationToken);
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
            ArgumentNullException.ThrowIfNull(part, nameof(command));
            request.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }

        await _stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken).ConfigureAwait(false);
        var reply = await ReadValueAsync(cancellationToken).ConfigureAwait(false);
        return reply.Kind == RespKind.Error ? throw new RespException(reply.Text ?? "ERR") : reply;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
    }

    private async Task<RespValue> ReadValueAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line.Length == 0)
        {
            throw new RespException("Empty reply line from the server.");
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
                var length = ParseLength(body);
                if (length < 0)
                {
                    return new RespValue(RespKind.Null, null);
                }

                var bytes = await ReadExactlyAsync(length + 2, cancellationToken).ConfigureAwait(false);
                if (bytes[length] != '\r' || bytes[length + 1] != '\n')
                {
                    throw new RespException("A bulk string did not end with CRLF.");
                }

                return new RespValue(RespKind.BulkString, Encoding.UTF8.GetString(bytes, 0, length));
            case '*':
                var count = ParseLength(body);
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

    private static int ParseLength(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RespException($"Invalid length '{text}' in a reply.");

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var searchFrom = _start;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', searchFrom, _end - searchFrom);
            if (newline >= 0)
            {
                if (newline > _start && _buffer[newline - 1] == '\r')
                {
                    var line = Encoding.UTF8.GetString(_buffer, _start, newline - 1 - _start);
                    _start = newline + 1;
                    return line;
                }

                searchFrom = newline + 1;
                continue;
            }

            searchFrom = _end;
            var consumed = _start;
            await FillAsync(cancellationToken).ConfigureAwait(false);
            searchFrom -= consumed - _start;
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var buffered = Math.Min(count, _end - _start);
        Array.Copy(_buffer, _start, result, 0, buffered);
        _start += buffered;
        if (buffered < count)
        {
            // Large values go straight from the socket into the result, not through the line buffer.
            await _stream.ReadExactlyAsync(result.AsMemory(buffered), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Reads more bytes after the unparsed ones, first moving them to the front (or growing the buffer).</summary>
    private async Task FillAsync(CancellationToken cancellationToken)
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }
        else if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new RespException("The server closed the connection.");
        }

        _end += read;
    }
}
