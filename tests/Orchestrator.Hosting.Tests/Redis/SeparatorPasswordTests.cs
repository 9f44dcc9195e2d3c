using Orchestrator.Hosting.Redis;

namespace Orchestrator.Hosting.Tests.Redis;

/// <summary>A fixed password with commas, equals signs, quotes and spaces reaches a real server through the connection string dependents get.</summary>
[Trait("Category", "Integration")]
public sealed class SeparatorPasswordTests(SeparatorPasswordRedisFixture fixture) : IClassFixture<SeparatorPasswordRedisFixture>
{
    [Fact]
    public async Task A_dependent_connects_with_the_connection_string_it_is_given()
    {
        var connectionString = fixture.Redis.GetConnectionString(fixture.Runtime);

        await using var client = await RespClient.ConnectAsync(connectionString, CancellationToken.None);

        Assert.Equal("PONG", (await client.ExecuteAsync(CancellationToken.None, "PING")).Text);
        Assert.Equal(SeparatorPasswordRedisFixture.Secret, RespConnectionString.Parse(connectionString).Password);
    }
}
