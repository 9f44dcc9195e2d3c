using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting;
using Orchestrator.Hosting.Notifications;
using OtlpTesting;

namespace Orchestrator.EndToEnd.Tests.Telemetry;

/// <summary>
/// One running demo system for a whole test class (launching it takes most of a minute): PostgreSQL, Redis, two
/// catalog replicas, basket, worker and storefront, with the AppHost's OTLP endpoint set to a receiver of the test's own.
/// </summary>
public sealed class DemoSystemFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _state = new();

    public OtlpReceiver Receiver { get; private set; } = null!;

    public DistributedApplication App { get; private set; } = null!;

    public ResourceNotificationService Notifications => App.Services.GetRequiredService<ResourceNotificationService>();

    /// <summary>The storefront's first URL.</summary>
    public Uri Storefront => new(App.UrlOf("storefront"));

    public async Task InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        var builder = DemoSystem.CreateBuilder(_state,
            ("OTEL_EXPORTER_OTLP_ENDPOINT", Receiver.HttpEndpoint.ToString()),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
        App = builder.Build();
        await App.StartAsync().WaitAsync(TimeSpan.FromMinutes(5));
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        _state.Dispose();
    }

    /// <summary>Waits until every .NET replica of the demo runs and is healthy: a test that killed one leaves the next a whole system.</summary>
    public async Task WaitUntilAllHealthyAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        foreach (var (resource, replicas) in DemoSystem.DotnetReplicas)
        {
            foreach (var replica in replicas)
            {
                await Notifications.WaitForAsync(resource, s => s.ReplicaName == replica && s.State == KnownResourceState.Running
                    && s.Health != HealthStatus.Unhealthy, timeout.Token);
            }
        }
    }

    /// <summary>Kills a replica's program with SIGKILL, as a crash would; returns its pid.</summary>
    public int Kill(string replica)
    {
        var pid = Notifications.GetSnapshot(replica)?.ProcessId
            ?? throw new InvalidOperationException($"'{replica}' has no process to kill.");
        if (Kill(pid, 9) != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"kill({pid}, SIGKILL) failed: errno {Marshal.GetLastPInvokeError()}"));
        }

        return pid;
    }

    /// <summary>The environment of a replica's process, as the kernel keeps it.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentOf(string replica)
    {
        var pid = Notifications.GetSnapshot(replica)!.ProcessId!.Value;
        return File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
