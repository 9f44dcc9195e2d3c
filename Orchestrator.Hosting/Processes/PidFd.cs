using System.Runtime.InteropServices;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Process file descriptors (Linux 5.4): a pidfd refers to one process, not to a pid that may be
/// reused, becomes readable when the process exits, and <c>waitid(P_PIDFD)</c> reaps exactly it.
/// </summary>
internal static class PidFd
{
    private const int ByPid = 1; // P_PID
    private const int ByPidFd = 3; // P_PIDFD
    private const int NoHang = 1; // WNOHANG
    private const int Exited = 4; // WEXITED
    private const int ChildExited = 1; // CLD_EXITED; CLD_KILLED and CLD_DUMPED mean a signal ended it

    /// <summary>A pidfd for <paramref name="processId"/> (close-on-exec, as every pidfd), or null when it was already reaped.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">No descriptor could be made (EMFILE).</exception>
    public static SafeFileDescriptor? Open(int processId)
    {
        var descriptor = OpenNative(processId, 0);
        if (descriptor >= 0)
        {
            return new SafeFileDescriptor(descriptor);
        }

        var error = Marshal.GetLastPInvokeError();
        if (error == Errno.NoSuchProcess)
        {
            return null;
        }

        throw LibC.Error(error, "pidfd_open");
    }

    /// <summary>Reaps the process if it has exited, without blocking.</summary>
    /// <param name="pidFd">The process.</param>
    /// <param name="exitCode">Its exit code (128 + N when signal N ended it, as <see cref="System.Diagnostics.Process.ExitCode"/> says), or null when someone else reaped it.</param>
    /// <returns>False while it still runs.</returns>
    public static bool TryReap(SafeFileDescriptor pidFd, out int? exitCode)
    {
        while (true)
        {
            var info = default(SignalInfo);
            if (WaitId(ByPidFd, pidFd, ref info, Exited | NoHang) == 0)
            {
                exitCode = info.ProcessId == 0 ? null : ToExitCode(info);
                return info.ProcessId != 0;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error == Errno.Interrupted)
            {
                continue;
            }

            // ECHILD: .NET reaps every child itself when SIGCHLD was ignored as the AppHost started.
            exitCode = null;
            return error == Errno.NoChild ? true : throw LibC.Error(error, "waitid");
        }
    }

    /// <summary>Waits until <paramref name="processId"/> has exited and reaps it (for a child that was just killed).</summary>
    public static void Reap(int processId)
    {
        var info = default(SignalInfo);
        while (WaitIdByPid(ByPid, processId, ref info, Exited) != 0 && Marshal.GetLastPInvokeError() == Errno.Interrupted)
        {
        }
    }

    private static int ToExitCode(SignalInfo info) => info.Code == ChildExited ? info.Status : 128 + info.Status;

    [DllImport("libc", EntryPoint = "pidfd_open", SetLastError = true)]
    private static extern int OpenNative(int processId, uint flags);

    [DllImport("libc", EntryPoint = "waitid", SetLastError = true)]
    private static extern int WaitId(int idType, SafeFileDescriptor id, ref SignalInfo info, int options);

    [DllImport("libc", EntryPoint = "waitid", SetLastError = true)]
    private static extern int WaitIdByPid(int idType, int id, ref SignalInfo info, int options);

    /// <summary>The part of <c>siginfo_t</c> (128 bytes) that <c>waitid</c> fills for a child on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct SignalInfo
    {
        [FieldOffset(8)]
        public int Code;

        [FieldOffset(16)]
        public int ProcessId;

        [FieldOffset(24)]
        public int Status;
    }
}
