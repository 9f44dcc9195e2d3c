using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// One small shell process per runner that knows every live process group and kills them all when
/// the AppHost goes, however it goes: it reads <c>+GROUP</c> / <c>-GROUP</c> lines from a pipe whose
/// only writer is the AppHost, and the kernel closes that pipe when the AppHost dies, even by SIGKILL.
/// The parent-death signal kills each program; this kills what the programs started in their groups.
/// It runs in its own session and ignores the terminal's signals, so a Ctrl+C or a kill of the
/// AppHost's process group cannot take it down first; and it is forked out of the AppHost's process
/// tree (<c>setsid --fork</c>: its first parent exits at once), so a kill of the AppHost's whole tree
/// (an IDE, a test harness's <c>Process.Kill(entireProcessTree: true)</c>) cannot either. One process
/// for all replicas, instead of one wrapper per replica.
/// </summary>
internal sealed partial class ProcessGroupReaper : IDisposable
{
    // Ends on end-of-file: then every group still listed is killed. Its output goes nowhere. POSIX sh (dash on
    // Debian: half of bash's memory), so the list is a string of " id " words and `kill` takes `-s KILL --`.
    public const string Script = """
        exec >/dev/null 2>&1
        trap '' INT QUIT HUP TERM
        groups=' '
        while read -r entry; do
          group=${entry#?}
          case $entry in
            +*) case $groups in *" $group "*) ;; *) groups="$groups$group " ;; esac ;;
            -*) case $groups in *" $group "*) groups="${groups%% $group *} ${groups#* $group }" ;; esac ;;
          esac
        done
        for group in $groups; do kill -s KILL -- "-$group"; done
        """;

    private readonly Process _process;
    private readonly StreamWriter _input;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private bool _broken;
    private bool _disposed;

    private ProcessGroupReaper(Process process, ILogger logger)
    {
        _process = process;
        _input = process.StandardInput;
        _input.AutoFlush = true;
        _logger = logger;
    }

    /// <summary>Starts the reaper.</summary>
    /// <exception cref="InvalidOperationException">setsid or sh is missing.</exception>
    public static ProcessGroupReaper Start(ILogger logger)
    {
        var info = new ProcessStartInfo(ProcessGroupCommand.Find("setsid"))
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            WorkingDirectory = "/",
        };
        info.ArgumentList.Add("--fork");
        info.ArgumentList.Add(ProcessGroupCommand.Find("sh"));
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add("orchestrator-reaper");
        var process = Process.Start(info) ?? throw new InvalidOperationException("The process-group reaper did not start.");
        return new ProcessGroupReaper(process, logger);
    }

    /// <summary>From now on, the group dies with the AppHost.</summary>
    public void Watch(int processGroupId) => Send('+', processGroupId);

    /// <summary>The group is gone (its id may be reused): the reaper must not kill it any more.</summary>
    public void Forget(int processGroupId) => Send('-', processGroupId);

    /// <summary>Closes the pipe: the reaper kills whatever groups are still listed, and exits.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _input.Dispose();
            }
            catch (IOException)
            {
                // It is gone already.
            }
        }

        _process.Dispose();
    }

    private void Send(char operation, int processGroupId)
    {
        lock (_gate)
        {
            if (_disposed || _broken)
            {
                return;
            }

            try
            {
                _input.Write(string.Create(CultureInfo.InvariantCulture, $"{operation}{processGroupId}\n"));
            }
            catch (IOException ex)
            {
                // Someone killed it. The parent-death signal still takes each program down with the AppHost.
                _broken = true;
                LogReaperGone(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The process-group reaper (orchestrator-reaper) is gone; if the AppHost dies, what its programs started may outlive it")]
    private partial void LogReaperGone(Exception exception);
}
