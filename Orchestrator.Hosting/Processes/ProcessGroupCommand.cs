using System.Collections;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Builds what a replica is spawned with: <c>setpriv --pdeathsig KILL [--reuid=U --regid=U --init-groups] -- PROGRAM ARGS...</c>
/// and its environment. setpriv sets the parent-death signal (it kills the program when the AppHost's
/// start thread dies, even by SIGKILL), changes user if asked, and execs the program, so the pid
/// <see cref="NativeSpawn"/> returns is the program's own pid and, through <c>POSIX_SPAWN_SETSID</c>, its
/// group id; no process stays behind to wrap it. What the program started in its group is killed
/// when the AppHost dies by the <see cref="ProcessGroupReaper"/>.
/// </summary>
internal sealed class ProcessGroupCommand
{
    /// <summary>The signal the kernel sends the program when the AppHost's start thread dies.</summary>
    public const string ParentDeathSignal = "KILL";

    private readonly string _setpriv;

    private ProcessGroupCommand(string setpriv) => _setpriv = setpriv;

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

    /// <summary>Finds setpriv.</summary>
    /// <exception cref="InvalidOperationException">It is missing.</exception>
    public static ProcessGroupCommand Locate() => new(Find("setpriv"));

    /// <summary>The spawn request for <paramref name="spec"/>, whose program is already resolved to <paramref name="programPath"/>.</summary>
    /// <exception cref="ProcessStartException">An argument or variable cannot be passed to a program.</exception>
    public SpawnRequest CreateRequest(ProcessSpec spec, string programPath, string? runAsUser)
    {
        List<string> arguments = [_setpriv, "--pdeathsig", ParentDeathSignal];
        if (runAsUser is not null)
        {
            // setpriv changes user and execs, unlike runuser it does not fork: the program keeps the pid.
            arguments.Add($"--reuid={runAsUser}");
            arguments.Add($"--regid={runAsUser}");
            arguments.Add("--init-groups");
        }

        arguments.Add("--");
        arguments.Add(programPath);
        arguments.AddRange(spec.Arguments);
        foreach (var argument in arguments.Where(a => a.Contains('\0', StringComparison.Ordinal)))
        {
            throw new ProcessStartException($"Cannot start '{spec.ReplicaName}': the argument '{argument.Replace('\0', '?')}' holds a NUL character.");
        }

        return new SpawnRequest(_setpriv, arguments, CreateEnvironment(spec), spec.WorkingDirectory);
    }

    // The AppHost's own environment (as .NET sees it, with its changes), minus the removed variables, plus the spec's.
    private static List<string> CreateEnvironment(ProcessSpec spec)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        foreach (var name in spec.RemovedVariables)
        {
            variables.Remove(name);
        }

        foreach (var (name, value) in spec.Environment)
        {
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal) || value.Contains('\0', StringComparison.Ordinal))
            {
                throw new ProcessStartException(
                    $"Cannot start '{spec.ReplicaName}': the environment variable '{name.Replace('\0', '?')}' cannot be passed (a name must be non-empty without '=', and neither name nor value may hold a NUL character).");
            }

            variables[name] = value;
        }

        return [.. variables.Select(variable => $"{variable.Key}={variable.Value}")];
    }
}
