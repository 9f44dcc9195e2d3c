using System.Diagnostics;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Drivers;

/// <summary>A process started by <see cref="TestProcessLauncher"/>; stopping it is idempotent and disposing stops it.</summary>
internal sealed class TestProcess(Process process, ProcessSpec spec, TestProcess.OutputLines output) : IAsyncDisposable
{
    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public IReadOnlyList<string> Output => output.Snapshot();

    public string OutputText => string.Join(Environment.NewLine, Output);

    /// <summary>Sends the spec's stop signal, waits for the grace period, then kills.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", [$"-{(int)spec.StopSignal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(spec.StopGracePeriod);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    internal sealed class OutputLines
    {
        private readonly List<string> _lines = [];

        public void Add(string? line)
        {
            if (line is not null)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                }
            }
        }

        public IReadOnlyList<string> Snapshot()
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }
}
