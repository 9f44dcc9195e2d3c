using System.Globalization;
using System.Runtime.InteropServices;

namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>Sends a signal to a process, as a crash (SIGKILL), Ctrl+C (SIGINT) or a service manager (SIGTERM) would.</summary>
internal static partial class PosixSignals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;

    public static void Send(int pid, int signal)
    {
        if (SendSignal(pid, signal) != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}"));
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
