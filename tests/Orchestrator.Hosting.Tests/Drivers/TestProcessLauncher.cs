using System.Diagnostics;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Drivers;

/// <summary>
/// A minimal stand-in for the process runner, for driver tests only: starts a <see cref="ProcessSpec"/>
/// as it is (arguments, environment, working directory, RunAsUser through setpriv) and stops it with
/// its stop signal. It does none of the runner's real work (process groups, no orphans, log files).
/// </summary>
internal static class TestProcessLauncher
{
    public static TestProcess Start(ProcessSpec spec)
    {
        IReadOnlyList<string> arguments = spec.Arguments;
        var fileName = spec.FileName;
        if (spec.RunAsUser is { } user && Environment.IsPrivilegedProcess)
        {
            arguments = [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", fileName, .. arguments];
            fileName = "setpriv";
        }

        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in spec.RemovedVariables)
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var output = new TestProcess.OutputLines();
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new TestProcess(process, spec, output);
    }
}
