using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting;
using Orchestrator.Hosting.Redis;

namespace Orchestrator.EndToEnd.Tests;

[Trait("Category", "Integration")]
public sealed class RedisResourceTests
{
    [Fact]
    public async Task A_key_set_in_one_run_is_read_in_the_next()
    {
        using var state = new TempDirectory();
        var marker = Guid.NewGuid().ToString("N");

        await RunOnceAsync(state, client => client.ExecuteAsync(CancellationToken.None, "SET", "marker", marker));

        await RunOnceAsync(state, async client =>
        {
            var value = await client.ExecuteAsync(CancellationToken.None, "GET", "marker");
            Assert.Equal(marker, value.Text);
        });
    }

    private static async Task RunOnceAsync(TempDirectory state, Func<RespClient, Task> work)
    {
        var builder = TestApps.CreateBuilder(state);
        var cache = builder.AddRedis("cache");
        builder.AddTestService("client").WithReference(cache).WaitFor(cache);

        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var connectionString = await app.GetEnvironmentOfAsync("client", "ConnectionStrings__cache");
            await using var client = await RespClient.ConnectAsync(connectionString, CancellationToken.None);
            await work(client);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
