using System.Net;
using System.Net.Sockets;
using Orchestrator.Api.CommandLine;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.CommandLine;

/// <summary><c>logs --follow</c> when the orchestrator goes away: it says so, reconnects with backoff, and gives up in bounded time.</summary>
public sealed class LogFollowReconnectTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly FakeLogLine Before = new("svc-0", Start, "before the restart");
    private static readonly FakeLogLine Gap = new("svc-0", Start.AddSeconds(1), "while the stream was away");
    private static readonly FakeLogLine After = new("svc-0", Start.AddSeconds(2), "after the restart");

    private readonly SynchronizedText _output = new();
    private readonly SynchronizedText _error = new();

    [Fact]
    public async Task It_reconnects_when_the_orchestrator_comes_back_and_prints_the_gap_once()
    {
        var port = FreePort();
        var first = await FakeLogStream.StartAsync(port, tail: [], live: [Before]);
        using var stop = new CancellationTokenSource();
        var following = FollowAsync(port, new LogFollowOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(200) }, stop.Token);
        await _output.WaitForAsync(Before.Text, following);

        await first.DisposeAsync();
        await _error.WaitForAsync("reconnecting", following);
        await using var second = await FakeLogStream.StartAsync(port, tail: [Before, Gap], live: [Gap, After]);
        await _output.WaitForAsync(After.Text, following);
        await stop.CancelAsync();

        Assert.Equal(CliExitCodes.Ok, await following.WaitAsync(Timeout));
        Assert.Contains("Reconnected to the orchestrator", _error.Text, StringComparison.Ordinal);
        var lines = _output.Text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([Before.Text, Gap.Text, After.Text], lines.Select(l => l[(l.IndexOf(" | ", StringComparison.Ordinal) + 3)..]));
    }

    [Fact]
    public async Task It_gives_up_with_exit_3_when_the_orchestrator_stays_away()
    {
        var port = FreePort();
        var server = await FakeLogStream.StartAsync(port, tail: [Before], live: []);
        var following = FollowAsync(port, new LogFollowOptions
        {
            FirstRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            GiveUpAfter = TimeSpan.FromSeconds(1),
        }, CancellationToken.None);
        await _output.WaitForAsync(Before.Text, following);

        await server.DisposeAsync();

        Assert.Equal(CliExitCodes.Unreachable, await following.WaitAsync(Timeout));
        Assert.Contains("reconnecting", _error.Text, StringComparison.Ordinal);
        Assert.Contains("Gave up: the orchestrator at", _error.Text, StringComparison.Ordinal);
    }

    private Task<int> FollowAsync(int port, LogFollowOptions options, CancellationToken cancellationToken)
    {
        var context = new CommandLineContext(new DistributedApplicationModel([]), Path.GetTempPath(), null, _output.Writer, _error.Writer,
            _ => null, Follow: options);
        return Task.Run(() => OrchestratorCommandLine.InvokeAsync(
            ["logs", FakeLogStream.Resource, "--follow", "--url", $"http://127.0.0.1:{port}", "--api-key", "key"], context, cancellationToken), CancellationToken.None);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Text written from the command's threads and read from the test's.</summary>
    private sealed class SynchronizedText
    {
        private readonly StringWriter _text = new();

        public SynchronizedText() => Writer = TextWriter.Synchronized(_text);

        public TextWriter Writer { get; }

        public string Text
        {
            get
            {
                lock (Writer)
                {
                    return _text.ToString();
                }
            }
        }

        public async Task WaitForAsync(string expected, Task<int> command)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            using var timeout = new CancellationTokenSource(Timeout);
            while (!Text.Contains(expected, StringComparison.Ordinal))
            {
                Assert.False(command.IsCompleted, $"The command ended ({(command.IsCompletedSuccessfully ? command.Result : -1)}) before '{expected}': {Text}");
                await timer.WaitForNextTickAsync(timeout.Token);
            }
        }
    }
}
