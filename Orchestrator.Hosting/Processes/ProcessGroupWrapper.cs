using System.Diagnostics;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Builds the command line that runs a program in its own process group and ties the group's life
/// to the AppHost's:
/// <c>setsid setpriv --pdeathsig USR1 -- bash -c SCRIPT wrap ENV SH [setpriv --reuid=U ... --] PROGRAM ARGS...</c>.
/// <c>setsid</c> makes the wrapper a group leader with its own pid as group id; the parent-death
/// signal reaches the wrapper when the AppHost dies, even by SIGKILL, and the wrapper then kills the
/// whole group.
/// </summary>
internal sealed class ProcessGroupWrapper
{
    /// <summary>The signal the kernel sends the wrapper when the AppHost's start thread dies.</summary>
    public const string ParentDeathSignal = "USR1";

    // Line by line:
    // 1. The parent-death signal kills the whole group, the wrapper included.
    // 2. The wrapper ignores the stop signals: they are sent to the whole group, the program gets
    //    them itself, and the wrapper must outlive it to pass on its exit code. A trap handler instead
    //    of an ignore would interrupt `wait`, and bash 5.2 then forgets the child's status (exit 255).
    // 3. Absolute paths of env and sh come first (the program's PATH may not have them).
    // 4. The program starts in the background: env restores the default dispositions (the ignores
    //    are inherited, bash makes background jobs ignore INT and QUIT, and a bash subshell cannot
    //    undo its QUIT ignore); sh prints its pid as the first line of stdout and becomes the program
    //    (stdin is /dev/null, as for every background job). The pid is printed by the program's own
    //    process once its signals are back to default: no output of the program precedes it, the
    //    runner needs no /proc polling, and a signal sent once the runner has read it is never lost.
    // 5. The wrapper's own output goes nowhere, so bash's "Killed" notices do not land in the logs.
    // 6. The wrapper's exit code is the program's: its code, or 128 + N when signal N ended it.
    public const string Script = """
        trap 'kill -KILL 0' USR1
        trap '' TERM INT QUIT HUP
        env=$1 sh=$2
        shift 2
        "$env" --default-signal=TERM,INT,QUIT,HUP "$sh" -c 'echo "$$"; exec "$@"' sh "$@" &
        exec >/dev/null 2>&1
        wait "$!"
        """;

    private readonly string _setsid;
    private readonly string _setpriv;
    private readonly string _bash;
    private readonly string _env;
    private readonly string _sh;

    private ProcessGroupWrapper(string setsid, string setpriv, string bash, string env, string sh)
    {
        _setsid = setsid;
        _setpriv = setpriv;
        _bash = bash;
        _env = env;
        _sh = sh;
    }

    /// <summary>Finds setsid, setpriv, bash, env and sh on the AppHost's PATH.</summary>
    /// <exception cref="InvalidOperationException">One of them is missing (util-linux, coreutils and bash are required).</exception>
    public static ProcessGroupWrapper Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return new ProcessGroupWrapper(Find("setsid", path), Find("setpriv", path), Find("bash", path), Find("env", path), Find("sh", path));
    }

    /// <summary>The start info for <paramref name="spec"/>, whose program is already resolved to <paramref name="programPath"/>.</summary>
    public ProcessStartInfo CreateStartInfo(ProcessSpec spec, string programPath, string? runAsUser)
    {
        var info = new ProcessStartInfo(_setsid)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };

        info.ArgumentList.Add(_setpriv);
        info.ArgumentList.Add("--pdeathsig");
        info.ArgumentList.Add(ParentDeathSignal);
        info.ArgumentList.Add("--");
        info.ArgumentList.Add(_bash);
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add("wrap");
        info.ArgumentList.Add(_env);
        info.ArgumentList.Add(_sh);
        if (runAsUser is not null)
        {
            // setpriv changes user and execs, unlike runuser it does not fork: the program keeps the pid the wrapper sees.
            info.ArgumentList.Add(_setpriv);
            info.ArgumentList.Add($"--reuid={runAsUser}");
            info.ArgumentList.Add($"--regid={runAsUser}");
            info.ArgumentList.Add("--init-groups");
            info.ArgumentList.Add("--");
        }

        info.ArgumentList.Add(programPath);
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
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

    private static string Find(string name, string path) =>
        path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, name))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"The process runner needs '{name}' on PATH ({path}); install util-linux, coreutils and bash.");
}
