using System.ComponentModel;
using System.Diagnostics;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Drivers;

/// <summary>
/// Runs a short-lived tool a driver needs while preparing (<c>dotnet build</c>, <c>initdb</c>,
/// <c>chown</c>) and collects its output. Replicas never run through here: they go through the
/// process runner, which owns their lifetime.
/// </summary>
internal static class ExternalCommand
{
    private const int LinesKept = 500;

    /// <summary>
    /// Runs the tool to its end; kills it (and its children) when cancelled. <paramref name="standardInput"/>,
    /// when given, is written to the tool's standard input (the way to hand it a secret: a command line is
    /// visible to every user).
    /// </summary>
    /// <exception cref="ProcessStartException">The tool could not be started.</exception>
    public static async Task<ExternalCommandResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? standardInput = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = startInfo };
        var output = new Queue<string>();
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Enqueue(e.Data);
                    if (output.Count > LinesKept)
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
            throw new ProcessStartException($"Could not start '{fileName}': {ex.Message}", ex);
        }

        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken).ConfigureAwait(false);
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
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        lock (output)
        {
            return new ExternalCommandResult(process.ExitCode, output.ToList());
        }
    }
}
