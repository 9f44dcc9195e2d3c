using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orchestrator.Hosting.Health;

/// <summary>
/// Gets the status code of one plain-HTTP GET to an IP endpoint, on a fresh connection, without
/// <see cref="HttpClient"/>: one request line and a few headers out, the status line in, the rest of
/// the answer drained so that the connection closes cleanly. A thousand replicas checked every five
/// seconds are two hundred GETs a second; through <see cref="HttpClient"/> each one costs a connection
/// pool lookup, header collections and several kilobytes of garbage, which made the health checks
/// most of the orchestrator's idle CPU. TLS endpoints and host names other than <c>localhost</c> keep
/// using <see cref="HttpClient"/> (see <see cref="TryCreate"/>).
/// </summary>
internal sealed class HttpStatusFetcher
{
    // Enough for the status line and the headers of any health answer; a longer answer is drained through it.
    private const int BufferBytes = 1024;

    // A health answer is small; past this much the rest is left unread (the close then resets the connection).
    private const int MaxDrainBytes = 64 * 1024;

    private static ReadOnlySpan<byte> HeadersEnd => "\r\n\r\n"u8;

    private readonly Uri _baseUri;
    private readonly IPEndPoint _endpoint;
    private CachedRequest? _lastRequest;

    private HttpStatusFetcher(Uri baseUri, IPEndPoint endpoint)
    {
        _baseUri = baseUri;
        _endpoint = endpoint;
    }

    /// <summary>A fetcher for <paramref name="baseUrl"/>, or null when it is not plain HTTP to an IP address or <c>localhost</c>.</summary>
    public static HttpStatusFetcher? TryCreate(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            return null;
        }

        var address = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? IPAddress.Parse(uri.IdnHost)
            : string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : null;
        return address is null ? null : new HttpStatusFetcher(uri, new IPEndPoint(address, uri.Port));
    }

    /// <summary>GETs <paramref name="path"/> and returns the answer's status code.</summary>
    /// <exception cref="HttpRequestException">The connection failed (nothing listens, it was reset), or what came back is not an HTTP answer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<int> GetStatusAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ExchangeAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            // As HttpClient says it: "Connection refused (127.0.0.1:5123)".
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"{ex.Message} ({_endpoint})"), ex);
        }
    }

    private async Task<int> ExchangeAsync(string path, CancellationToken cancellationToken)
    {
        using var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(_endpoint, cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(RequestFor(path), SocketFlags.None, cancellationToken).ConfigureAwait(false);

        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            var (status, bodyLeft) = await ReadHeadAsync(socket, buffer, cancellationToken).ConfigureAwait(false);
            await DrainAsync(socket, buffer, bodyLeft, cancellationToken).ConfigureAwait(false);
            return status;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Reads until the end of the headers: the status, and how much of the body is still to come
    // (its Content-Length less what came with the headers; null when the server ends it by closing).
    private static async Task<(int Status, long? BodyLeft)> ReadHeadAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                // Closed early: an HTTP/1.0 server may end a head-only answer this way.
                return (ParseStatus(buffer.AsSpan(0, length)), 0);
            }

            length += read;
            var head = buffer.AsSpan(0, length);
            var end = head.IndexOf(HeadersEnd);
            if (end >= 0)
            {
                var contentLength = FindContentLength(head[..end]);
                var bodyReceived = length - end - HeadersEnd.Length;
                return (ParseStatus(head), contentLength is { } total ? Math.Max(0, total - bodyReceived) : null);
            }

            if (length == buffer.Length)
            {
                // Headers longer than the buffer: the status line is in it, the rest is drained.
                return (ParseStatus(head), null);
            }
        }
    }

    // Reads the rest of the answer, so that closing sends FIN, not RST. Without a length, until the server closes.
    private static async Task DrainAsync(Socket socket, byte[] buffer, long? bodyLeft, CancellationToken cancellationToken)
    {
        var left = Math.Min(bodyLeft ?? MaxDrainBytes, MaxDrainBytes);
        while (left > 0)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), SocketFlags.None, cancellationToken)
                .ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            left -= read;
        }
    }

    // "HTTP/1.1 200 OK": the three digits after the first space.
    private static int ParseStatus(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("HTTP/"u8))
        {
            var space = head.IndexOf((byte)' ');
            if (space > 0 && head.Length >= space + 4
                && Utf8Parser.TryParse(head.Slice(space + 1, 3), out int status, out var consumed) && consumed == 3)
            {
                return status;
            }
        }

        var shown = Encoding.ASCII.GetString(head[..Math.Min(head.Length, 40)]).ReplaceLineEndings(" ");
        throw new HttpRequestException(head.IsEmpty
            ? "The server closed the connection without answering."
            : $"The server did not answer HTTP: '{shown}'.");
    }

    private static long? FindContentLength(ReadOnlySpan<byte> headers)
    {
        foreach (var range in headers.Split("\r\n"u8))
        {
            var line = headers[range];
            var colon = line.IndexOf((byte)':');
            if (colon > 0 && Ascii.EqualsIgnoreCase(line[..colon].Trim((byte)' '), "Content-Length"u8)
                && Utf8Parser.TryParse(line[(colon + 1)..].Trim((byte)' '), out long value, out var consumed)
                && consumed == line[(colon + 1)..].Trim((byte)' ').Length)
            {
                return value;
            }
        }

        return null;
    }

    // A replica is probed on one path for most of its life: the last request's bytes are kept.
    private byte[] RequestFor(string path)
    {
        if (Volatile.Read(ref _lastRequest) is { } last && last.Path == path)
        {
            return last.Bytes;
        }

        // Through Uri, so that a path with a space or a non-ASCII letter goes out escaped, never as raw bytes.
        var target = new Uri(_baseUri, path).PathAndQuery;
        var bytes = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"GET {target} HTTP/1.1\r\nHost: {_baseUri.Authority}\r\nUser-Agent: orchestrator-health-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n"));
        Volatile.Write(ref _lastRequest, new CachedRequest(path, bytes));
        return bytes;
    }

    private sealed record CachedRequest(string Path, byte[] Bytes);
}
