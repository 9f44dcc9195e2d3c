using Orchestrator.Hosting.Redis;

namespace Orchestrator.Hosting.Tests.Redis;

[Trait("Category", "Integration")]
public sealed class RespClientTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private RespClient _client = null!;

    public async Task InitializeAsync() => _client = await fixture.ConnectAsync();

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public async Task Reads_a_simple_string()
    {
        var reply = await _client.ExecuteAsync(CancellationToken.None, "PING");

        Assert.Equal(RespKind.SimpleString, reply.Kind);
        Assert.Equal("PONG", reply.Text);
    }

    [Fact]
    public async Task Reads_a_bulk_string_with_characters_outside_ascii()
    {
        var key = Key();
        await _client.ExecuteAsync(CancellationToken.None, "SET", key, "héllo ✓ 世界");

        var reply = await _client.ExecuteAsync(CancellationToken.None, "GET", key);

        Assert.Equal(RespKind.BulkString, reply.Kind);
        Assert.Equal("héllo ✓ 世界", reply.Text);
    }

    [Fact]
    public async Task Reads_a_bulk_string_that_holds_line_breaks()
    {
        var key = Key();
        await _client.ExecuteAsync(CancellationToken.None, "SET", key, "first\r\nsecond\n");

        var reply = await _client.ExecuteAsync(CancellationToken.None, "GET", key);

        Assert.Equal("first\r\nsecond\n", reply.Text);
    }

    [Fact]
    public async Task Reads_a_value_larger_than_its_buffer()
    {
        var key = Key();
        var value = string.Create(200_000, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });
        await _client.ExecuteAsync(CancellationToken.None, "SET", key, value);

        var reply = await _client.ExecuteAsync(CancellationToken.None, "GET", key);
        var next = await _client.ExecuteAsync(CancellationToken.None, "PING");

        Assert.Equal(value, reply.Text);
        Assert.Equal("PONG", next.Text);
    }

    [Fact]
    public async Task Reads_a_missing_key_as_null()
    {
        var reply = await _client.ExecuteAsync(CancellationToken.None, "GET", Key());

        Assert.Equal(RespKind.Null, reply.Kind);
        Assert.Null(reply.Text);
    }

    [Fact]
    public async Task Reads_an_integer()
    {
        var key = Key();
        await _client.ExecuteAsync(CancellationToken.None, "INCRBY", key, "41");

        var reply = await _client.ExecuteAsync(CancellationToken.None, "INCR", key);

        Assert.Equal(RespKind.Integer, reply.Kind);
        Assert.Equal("42", reply.Text);
    }

    [Fact]
    public async Task Reads_an_array_with_a_null_inside()
    {
        var key = Key();
        await _client.ExecuteAsync(CancellationToken.None, "SET", key, "here");

        var reply = await _client.ExecuteAsync(CancellationToken.None, "MGET", key, Key());

        Assert.Equal(RespKind.Array, reply.Kind);
        Assert.Collection(
            reply.Items!,
            first => Assert.Equal("here", first.Text),
            second => Assert.Equal(RespKind.Null, second.Kind));
    }

    [Fact]
    public async Task Reads_nested_arrays()
    {
        var key = Key();
        await _client.ExecuteAsync(CancellationToken.None, "SADD", key, "member");

        var reply = await _client.ExecuteAsync(CancellationToken.None, "SSCAN", key, "0");

        Assert.Equal(RespKind.Array, reply.Kind);
        Assert.Equal("0", reply.Items![0].Text);
        Assert.Equal(RespKind.Array, reply.Items[1].Kind);
        Assert.Equal("member", Assert.Single(reply.Items[1].Items!).Text);
    }

    [Fact]
    public async Task Throws_the_servers_error_and_stays_usable()
    {
        var key = Key();
        await _client.ExecuteAsync(CancellationToken.None, "SET", key, "not a number");

        var error = await Assert.ThrowsAsync<RespException>(() => _client.ExecuteAsync(CancellationToken.None, "INCR", key));
        var next = await _client.ExecuteAsync(CancellationToken.None, "PING");

        Assert.StartsWith("ERR", error.Message);
        Assert.Equal("PONG", next.Text);
    }

    [Fact]
    public async Task Refuses_a_wrong_password()
    {
        var error = await Assert.ThrowsAsync<RespException>(
            () => RespClient.ConnectAsync("127.0.0.1", fixture.Port, "wrong", CancellationToken.None));

        Assert.Contains("WRONGPASS", error.Message);
    }

    [Fact]
    public async Task Connects_with_the_connection_string_a_service_receives()
    {
        await using var client = await RespClient.ConnectAsync(fixture.Redis.GetConnectionString(fixture.Runtime), CancellationToken.None);

        var reply = await client.ExecuteAsync(CancellationToken.None, "PING");

        Assert.Equal("PONG", reply.Text);
    }

    private static string Key() => "resp-test:" + Guid.NewGuid().ToString("N");
}
