using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// The few libc calls the runner needs that .NET does not expose (signalling a whole process group),
/// and the errors of the native calls made elsewhere in the runner.
/// </summary>
internal static class LibC
{

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "getpwnam", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr GetPasswordEntry(string name);

    /// <summary>True when the AppHost runs as root.</summary>
    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>Sends <paramref name="signal"/> to every process in group <paramref name="processGroupId"/>.</summary>
    /// <returns>False when the group no longer exists.</returns>
    public static bool SignalGroup(int processGroupId, int signal)
    {
        // A non-positive id would address our own group or every process we may signal.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(processGroupId, 1);
        return Send(-processGroupId, signal);
    }

    /// <summary>Sends <paramref name="signal"/> to the one process <paramref name="processId"/>.</summary>
    /// <returns>False when it no longer exists.</returns>
    public static bool SignalProcess(int processId, int signal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(processId, 1);
        return Send(processId, signal);
    }

    /// <summary>True when the system knows a user of that name (files, LDAP, whatever NSS is set up for).</summary>
    public static bool UserExists(string userName) => GetPasswordEntry(userName) != IntPtr.Zero;

    /// <summary>The exception for the C function <paramref name="function"/> failing with error number <paramref name="error"/>.</summary>
    public static Win32Exception Error(int error, string function) => new(error, $"{function}: {Marshal.GetPInvokeErrorMessage(error)}");

    /// <summary>Throws when a call that sets errno returned -1.</summary>
    /// <exception cref="Win32Exception">It did; the message names the call and says why.</exception>
    public static void ThrowOnErrno(long result, string function)
    {
        if (result == -1)
        {
            throw Error(Marshal.GetLastPInvokeError(), function);
        }
    }

    private static bool Send(int target, int signal)
    {
        if (Kill(target, signal) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == Errno.NoSuchProcess
            ? false
            : throw new InvalidOperationException($"kill({target}, {signal}) failed with errno {error}.");
    }
}
