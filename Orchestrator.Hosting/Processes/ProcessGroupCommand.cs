using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Builds the command line that runs a program as the leader of its own process group, with a
/// parent-death signal: <c>setsid setpriv --pdeathsig KILL [--reuid=U --regid=U --init-groups] -- PROGRAM ARGS...</c>.
/// Each tool execs the next, so the pid the runner starts is the program's own pid and its group id,
/// and no process stays behind to wrap it. <c>setsid</c> makes it a group (and session) leader;
/// the parent-death signal kills the program when the AppHost's start thread dies, even by SIGKILL;
/// what the program started in its group is killed then by the <see cref="ProcessGroupReaper"/>.
/// </summary>
internal sealed class ProcessGroupCommand
{
    /// <summary>The signal the kernel sends the program when the AppHost's start thread dies.</summary>
    public const string ParentDeathSignal = "KILL";

    // The stop signals a program must get with their default action. An AppHost started as a
    // background job of a script ignores INT and QUIT (nohup: HUP), and ignored signals are inherited
    // through fork and exec; only then is `env --default-signal` put in the chain, at one more exec.
    private static readonly int[] StopSignals = [1, 2, 3, 15];

    private readonly string _setsid;
    private readonly string _setpriv;
    private readonly string? _env;

    private ProcessGroupCommand(string setsid, string setpriv, string? env)
    {
        _setsid = setsid;
        _setpriv = setpriv;
        _env = env;
    }

    /// <summary>The path of <paramref name="name"/> on the AppHost's PATH.</summary>
    /// <exception cref="InvalidOperationException">It is not there (util-linux, coreutils and bash are required).</exception>
    public static string Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"The process runner needs '{name}' on PATH ({path}); install util-linux, coreutils and bash.");
    }

    /// <summary>Finds setsid and setpriv (and env, when the AppHost ignores a stop signal).</summary>
    /// <exception cref="InvalidOperationException">One of them is missing.</exception>
    public static ProcessGroupCommand Locate() =>
        new(Find("setsid"), Find("setpriv"), IgnoresAnyStopSignal() ? Find("env") : null);

    /// <summary>The start info for <paramref name="spec"/>, whose program is already resolved to <paramref name="programPath"/>.</summary>
    public ProcessStartInfo CreateStartInfo(ProcessSpec spec, string programPath, string? runAsUser)
    {
        var info = new ProcessStartInfo(_setsid)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            // Redirected and closed at once: the program reads end-of-file, never the AppHost's terminal.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };

        var arguments = info.ArgumentList;
        arguments.Add(_setpriv);
        arguments.Add("--pdeathsig");
        arguments.Add(ParentDeathSignal);
        if (runAsUser is not null)
        {
            // setpriv changes user and execs, unlike runuser it does not fork: the program keeps the pid.
            arguments.Add($"--reuid={runAsUser}");
            arguments.Add($"--regid={runAsUser}");
            arguments.Add("--init-groups");
        }

        arguments.Add("--");
        if (_env is not null)
        {
            arguments.Add(_env);
            arguments.Add("--default-signal=TERM,INT,QUIT,HUP");
        }

        arguments.Add(programPath);
        foreach (var argument in spec.Arguments)
        {
            arguments.Add(argument);
        }

        foreach (var name in spec.RemovedVariables)
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in spec.Environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private static bool IgnoresAnyStopSignal()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            if (line is null || !ulong.TryParse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var ignored))
            {
                return true;
            }

            return StopSignals.Any(signal => (ignored & (1UL << (signal - 1))) != 0);
        }
        catch (IOException)
        {
            // Cannot tell: take the safe, slightly slower chain.
            return true;
        }
    }
}
