using System.Text;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Processes;
using Orchestrator.Hosting.Redis;
using Orchestrator.Hosting.Tests.Drivers;

namespace Orchestrator.Hosting.Tests.Redis;

[Trait("Category", "Integration")]
public sealed class RedisDriverTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task The_server_is_healthy_once_started()
    {
        var result = await fixture.Driver.CreateHealthProbe(fixture.Replica)!.ProbeAsync(CancellationToken.None);

        Assert.True(result.IsHealthy, result.Error);
    }

    [Fact]
    public async Task Data_survives_a_server_restart()
    {
        var key = "persisted:" + Guid.NewGuid().ToString("N");
        await using (var client = await fixture.ConnectAsync())
        {
            await client.ExecuteAsync(CancellationToken.None, "SET", key, "kept");
        }

        await fixture.StopAsync();
        await fixture.StartAsync();

        await using (var client = await fixture.ConnectAsync())
        {
            var value = await client.ExecuteAsync(CancellationToken.None, "GET", key);
            Assert.Equal("kept", value.Text);
        }
    }

    [Fact]
    public async Task A_wrong_password_is_unhealthy()
    {
        var probe = new RedisHealthProbe("127.0.0.1", fixture.Port, "not-the-password");

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("WRONGPASS", result.Error);
    }

    [Fact]
    public async Task No_password_is_unhealthy()
    {
        var probe = new RedisHealthProbe("127.0.0.1", fixture.Port, password: null);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("NOAUTH", result.Error);
    }

    [Fact]
    public void The_config_file_is_readable_by_its_owner_only()
    {
        var config = Path.Combine(fixture.Runtime.GetDataDirectory(fixture.Redis), RedisConfigFile.FileName);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config));
        Assert.Contains(RedisConfigFile.Quote(fixture.Password), File.ReadAllText(config));
    }

    [Fact]
    public void The_password_is_not_on_the_command_line()
    {
        var commandLine = Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{fixture.ProcessId}/cmdline")).Replace('\0', ' ');

        Assert.Contains("redis-server", commandLine);
        Assert.DoesNotContain(fixture.Password, commandLine);
        Assert.DoesNotContain(fixture.Password, string.Join(' ', fixture.Driver.CreateProcessSpec(fixture.Replica)!.Arguments));
    }

    [Fact]
    public void The_server_runs_as_the_redis_user_when_the_apphost_is_root()
    {
        var spec = fixture.Driver.CreateProcessSpec(fixture.Replica)!;

        if (Environment.IsPrivilegedProcess)
        {
            Assert.Equal("redis", spec.RunAsUser);
            Assert.Equal(ProcessOwner.UserIdOf("redis"), ProcessOwner.RealUserIdOf(fixture.ProcessId));
        }
        else
        {
            Assert.Null(spec.RunAsUser);
        }
    }

    [Fact]
    public void Stops_with_SIGTERM_so_the_append_only_file_is_flushed()
    {
        var spec = fixture.Driver.CreateProcessSpec(fixture.Replica)!;

        Assert.Equal(ProcessSignal.Terminate, spec.StopSignal);
        Assert.Equal(fixture.Runtime.GetDataDirectory(fixture.Redis), spec.WorkingDirectory);
        Assert.EndsWith("cache-0.log", spec.LogFilePath);
    }
}
