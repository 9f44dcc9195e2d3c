using System.Globalization;
using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting;

namespace Orchestrator.EndToEnd.Tests;

[Trait("Category", "Integration")]
public sealed class PhasedLaunchTests
{
    [Fact]
    public async Task A_chain_of_three_starts_each_only_after_its_dependency_is_healthy()
    {
        using var state = new TempDirectory();
        var stamps = Path.Combine(state.Path, "stamps.log");
        var builder = TestApps.CreateBuilder(state);
        // Each service takes a while to become healthy, so that "started" and "healthy" are far apart.
        var first = builder.AddTestService("first", "--stamp-file", stamps, "--ready-after-ms", "400");
        var second = builder.AddTestService("second", "--stamp-file", stamps, "--ready-after-ms", "400").WaitFor(first);
        builder.AddTestService("third", "--stamp-file", stamps, "--ready-after-ms", "400").WaitFor(second);

        await using var app = builder.Build();
        await app.StartAsync();
        await app.StopAsync();

        var events = File.ReadAllLines(stamps)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => $"{parts[0]} {parts[1]}", parts => long.Parse(parts[2], CultureInfo.InvariantCulture));
        Assert.True(events["second started"] >= events["first ready"], "second started before first was healthy");
        Assert.True(events["third started"] >= events["second ready"], "third started before second was healthy");
    }

    [Fact]
    public async Task A_required_resource_that_crashes_during_launch_fails_the_launch_with_its_log_tail()
    {
        using var state = new TempDirectory();
        var builder = TestApps.CreateBuilder(state);
        var broken = builder.AddTestService("broken", "--print", "cannot-open-config-file", "--ready-after-ms", "600000", "--exit-after-ms", "300", "--exit-code", "3");
        builder.AddTestService("dependent").WaitFor(broken);

        await using var app = builder.Build();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("'broken'", error.Message);
        Assert.Contains("cannot-open-config-file", error.Message);
        Assert.DoesNotContain(ProcessTree.Descendants(Environment.ProcessId), IsOurs);
    }

    [Fact]
    public async Task After_StopAsync_no_child_process_remains()
    {
        using var state = new TempDirectory();
        var builder = TestApps.CreateBuilder(state);
        for (var i = 0; i < 3; i++)
        {
            // A shell that leaves a grandchild behind it: the whole process group must go.
            builder.AddExecutable($"svc-{i}", "bash", ".", "-c", $"sleep 1000 & exec dotnet '{TestArtifacts.TestServiceDll}'")
                .WithHttpEndpoint(env: "PORT")
                .WithHttpHealthCheck("/health");
        }

        await using var app = builder.Build();
        await app.StartAsync();
        var started = ProcessTree.Descendants(Environment.ProcessId).Where(IsOurs).ToList();
        Assert.True(started.Count >= 6, $"expected 3 services and 3 sleeps, found {started.Count} processes");

        await app.StopAsync();

        Assert.Empty(await ProcessTree.WaitUntilGoneAsync(started, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task After_the_app_host_is_killed_every_process_it_started_is_gone_within_ten_seconds()
    {
        using var state = new TempDirectory();
        using var appHost = new System.Diagnostics.Process
        {
            StartInfo = new("dotnet", [TestArtifacts.TestAppHostDll, state.Path, TestArtifacts.TestServiceDll, "3"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
        };
        appHost.Start();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? line;
            while ((line = await appHost.StandardOutput.ReadLineAsync(timeout.Token)) is not null && line != "launched")
            {
            }

            Assert.Equal("launched", line);
            var children = ProcessTree.Descendants(appHost.Id);
            Assert.True(children.Count >= 6, $"expected 3 services and 3 sleeps, found {children.Count} processes");

            appHost.Kill();

            Assert.Empty(await ProcessTree.WaitUntilGoneAsync(children, TimeSpan.FromSeconds(10)));
        }
        finally
        {
            if (!appHost.HasExited)
            {
                appHost.Kill(entireProcessTree: true);
            }
        }
    }

    // The test host has children of its own (the test runner's); ours run the test service or sleep.
    private static bool IsOurs(int pid)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return commandLine.Contains("TestService", StringComparison.Ordinal) || commandLine.StartsWith("sleep", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
