using System.Globalization;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Hosting.Tests.Health;

public sealed class CommandHealthProbeTests
{
    [Fact]
    public async Task Is_healthy_when_the_command_exits_with_zero()
    {
        var probe = new CommandHealthProbe("true", []);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.True(result.IsHealthy, result.Error);
    }

    [Fact]
    public async Task Is_unhealthy_with_the_exit_code_and_last_output_when_the_command_fails()
    {
        var probe = new CommandHealthProbe("sh", ["-c", "echo 'replica not ready' >&2; exit 3"]);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("code 3", result.Error);
        Assert.Contains("replica not ready", result.Error);
    }

    [Fact]
    public async Task Is_unhealthy_when_the_program_does_not_exist()
    {
        var probe = new CommandHealthProbe("/nonexistent/check-health", []);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("could not start", result.Error);
    }

    [Fact]
    public async Task Kills_a_command_that_outlives_the_timeout()
    {
        var pidFile = Path.GetTempFileName();
        try
        {
            var probe = new CommandHealthProbe("sh", ["-c", $"echo $$ > {pidFile}; exec sleep 30"], timeout: TimeSpan.FromMilliseconds(300));

            var result = await probe.ProbeAsync(CancellationToken.None);

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains("timed out", result.Error);
            var pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
            Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} still runs");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task Runs_in_the_given_working_directory()
    {
        var directory = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "ready"), "");
            var probe = new CommandHealthProbe("test", ["-e", "ready"], workingDirectory: directory);

            var result = await probe.ProbeAsync(CancellationToken.None);

            Assert.True(result.IsHealthy, result.Error);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
