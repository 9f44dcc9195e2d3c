using System.Net;
using System.Net.Sockets;
using System.Text;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Tests.Drivers;

namespace Orchestrator.Hosting.Tests.Health;

/// <summary>
/// The health probe's own HTTP/1.1 GET, against a raw TCP server that answers exactly the bytes a
/// test gives, so that the protocol's corners (HTTP/1.0 servers, kept-alive connections, split
/// status lines, garbage) are met for real.
/// </summary>
public sealed class HttpStatusFetcherTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public HttpStatusFetcherTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose() => _listener.Stop();

    [Fact]
    public async Task Sends_a_get_with_host_and_connection_close_and_reads_an_http_1_0_answer_ended_by_close()
    {
        var server = ServeOnceAsync(async (socket, request) =>
        {
            await socket.SendAsync("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nfine"u8.ToArray());
            return request;
        });

        var status = await FetcherFor($"http://127.0.0.1:{Port}").GetStatusAsync("/health", Patiently());

        Assert.Equal(200, status);
        var request = await server;
        Assert.StartsWith("GET /health HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Contains($"\r\nHost: 127.0.0.1:{Port}\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returns_after_the_content_length_even_when_the_server_keeps_the_connection_open()
    {
        using var release = new CancellationTokenSource();
        var server = ServeOnceAsync(async (socket, request) =>
        {
            await socket.SendAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 7\r\n\r\nno, not"u8.ToArray());
            // Keeps the connection open, as a server that ignores "Connection: close" would.
            await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { });
            return request;
        });

        var status = await FetcherFor($"http://127.0.0.1:{Port}").GetStatusAsync("/health", Patiently());

        Assert.Equal(503, status);
        await release.CancelAsync();
        await server;
    }

    [Fact]
    public async Task Reads_the_whole_answer_so_the_connection_closes_without_a_reset()
    {
        var body = new string('x', 5000);
        var server = ServeOnceAsync(async (socket, _) =>
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n{body}"));
            // A client that closes with unread data resets the connection: this read would throw.
            var read = await socket.ReceiveAsync(new byte[16]);
            return read.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });

        var status = await FetcherFor($"http://127.0.0.1:{Port}").GetStatusAsync("/health", Patiently());

        Assert.Equal(200, status);
        Assert.Equal("0", await server);
    }

    [Fact]
    public async Task Reads_a_status_line_that_arrives_in_pieces()
    {
        var server = ServeOnceAsync(async (socket, request) =>
        {
            await socket.SendAsync("HTT"u8.ToArray());
            await Task.Delay(50);
            await socket.SendAsync("P/1.1 20"u8.ToArray());
            await Task.Delay(50);
            await socket.SendAsync("4 No Content\r\n\r\n"u8.ToArray());
            return request;
        });

        var status = await FetcherFor($"http://127.0.0.1:{Port}").GetStatusAsync("/health", Patiently());

        Assert.Equal(204, status);
        await server;
    }

    [Fact]
    public async Task Escapes_a_path_instead_of_sending_raw_spaces()
    {
        var server = ServeOnceAsync(async (socket, request) =>
        {
            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
            return request;
        });

        await FetcherFor($"http://127.0.0.1:{Port}").GetStatusAsync("/my health", Patiently());

        Assert.StartsWith("GET /my%20health HTTP/1.1\r\n", await server, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_what_came_back_when_it_is_not_http()
    {
        var server = ServeOnceAsync(async (socket, request) =>
        {
            await socket.SendAsync("-ERR unknown command 'GET'\r\n"u8.ToArray());
            return request;
        });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            FetcherFor($"http://127.0.0.1:{Port}").GetStatusAsync("/health", Patiently()));

        Assert.Contains("did not answer HTTP", error.Message, StringComparison.Ordinal);
        Assert.Contains("-ERR unknown command", error.Message, StringComparison.Ordinal);
        await server;
    }

    [Fact]
    public async Task Says_so_when_the_server_closes_without_answering()
    {
        var server = ServeOnceAsync((_, request) => Task.FromResult(request));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            FetcherFor($"http://127.0.0.1:{Port}").GetStatusAsync("/health", Patiently()));

        Assert.Contains("closed the connection without answering", error.Message, StringComparison.Ordinal);
        await server;
    }

    [Fact]
    public async Task Names_the_endpoint_when_nothing_listens()
    {
        var port = TestRuntime.FreePort();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            FetcherFor($"http://127.0.0.1:{port}").GetStatusAsync("/health", Patiently()));

        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("https://127.0.0.1:5001", false)]
    [InlineData("http://api.internal:5000", false)]
    public void Handles_plain_http_to_addresses_and_localhost_and_leaves_the_rest_to_http_client(string baseUrl, bool handled)
    {
        Assert.Equal(handled, HttpStatusFetcher.TryCreate(baseUrl) is not null);
    }

    private static HttpStatusFetcher FetcherFor(string baseUrl) =>
        HttpStatusFetcher.TryCreate(baseUrl) ?? throw new InvalidOperationException($"{baseUrl} should be handled.");

    private static CancellationToken Patiently() => new CancellationTokenSource(Patience).Token;

    // Accepts one connection, reads the request's head, lets the test answer, then closes.
    private async Task<string> ServeOnceAsync(Func<Socket, string, Task<string>> answer)
    {
        using var socket = await _listener.AcceptSocketAsync();
        var buffer = new byte[4096];
        var length = 0;
        while (!Encoding.ASCII.GetString(buffer, 0, length).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length));
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        var result = await answer(socket, Encoding.ASCII.GetString(buffer, 0, length));
        socket.Shutdown(SocketShutdown.Send);
        return result;
    }
}
