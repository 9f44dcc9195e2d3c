using System.ComponentModel;
using System.Diagnostics;

namespace Orchestrator.Hosting.Health;

/// <summary>Healthy when a command exits with code 0; a command that outlives the timeout is killed with its children.</summary>
public sealed class CommandHealthProbe : IHealthProbe
{
    private const int OutputLinesKept = 5;
    private readonly string _program;
    private readonly IReadOnlyList<string> _arguments;
    private readonly string? _workingDirectory;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;

    /// <param name="program">The program: a path, or a name looked up on PATH.</param>
    /// <param name="arguments">Its arguments, passed as they are (no shell).</param>
    /// <param name="workingDirectory">The directory it runs in; the AppHost's by default.</param>
    /// <param name="timeout">How long it may run; <see cref="HealthProbeDefaults.Timeout"/> by default.</param>
    /// <param name="timeProvider">The clock for timestamps, durations and the timeout.</param>
    public CommandHealthProbe(
        string program,
        IReadOnlyList<string> arguments,
        string? workingDirectory = null,
        TimeSpan? timeout = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        ArgumentNullException.ThrowIfNull(arguments);
        _program = program;
        _arguments = arguments.ToArray();
        _workingDirectory = workingDirectory;
        _timeout = timeout ?? HealthProbeDefaults.Timeout;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Description => _arguments.Count == 0 ? _program : $"{_program} {string.Join(' ', _arguments)}";

    /// <inheritdoc />
    public Task<HealthProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        TimedProbe.RunAsync(_timeProvider, _timeout, RunAsync, cancellationToken);

    private async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(_program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in _arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (_workingDirectory is not null)
        {
            startInfo.WorkingDirectory = _workingDirectory;
        }

        using var process = new Process { StartInfo = startInfo };
        var output = new Queue<string>();
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                lock (output)
                {
                    output.Enqueue(e.Data);
                    if (output.Count > OutputLinesKept)
                    {
                        output.Dequeue();
                    }
                }
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return $"could not start '{_program}': {ex.Message}";
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!process.HasExited)
            {
                // A hung check must not pile up: each probe would leave one more process behind.
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        if (process.ExitCode == 0)
        {
            return null;
        }

        string lastLine;
        lock (output)
        {
            lastLine = output.Count == 0 ? "" : ": " + output.Last();
        }

        return $"'{Description}' exited with code {process.ExitCode}{lastLine}";
    }
}
