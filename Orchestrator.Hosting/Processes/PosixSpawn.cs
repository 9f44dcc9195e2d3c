using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// glibc's <c>posix_spawn</c> and the calls that prepare it. glibc spawns with
/// <c>clone(CLONE_VM | CLONE_VFORK)</c>: no copy of the AppHost's page tables, however large it is,
/// and the call returns only once the child has exec'd, with the child's error (a failed chdir or
/// exec) as its result. The posix_spawn functions return an error number instead of setting errno.
/// </summary>
internal static class PosixSpawn
{
    /// <summary>POSIX_SPAWN_SETSIGDEF: reset the signals of the sigdefault set to their default action.</summary>
    public const short SetSignalDefaults = 0x04;

    /// <summary>POSIX_SPAWN_SETSIGMASK: the child starts with the given signal mask.</summary>
    public const short SetSignalMask = 0x08;

    /// <summary>POSIX_SPAWN_SETSID (glibc 2.26): the child calls setsid(), leading a new session and process group.</summary>
    public const short SetSessionId = 0x80;

    // glibc's posix_spawnattr_t is 336 bytes, posix_spawn_file_actions_t 80 and sigset_t 128 on 64-bit
    // Linux: the blocks are allocated with room to spare, the libc functions initialise them.
    public const int AttributesSize = 512;
    public const int FileActionsSize = 256;
    public const int SignalSetSize = 128;

    [DllImport("libc", EntryPoint = "posix_spawn")]
    public static extern int Spawn(
        out int processId, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr fileActions, IntPtr attributes, IntPtr argv, IntPtr envp);

    [DllImport("libc", EntryPoint = "posix_spawnattr_init")]
    public static extern int AttributesInit(IntPtr attributes);

    [DllImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    public static extern int AttributesDestroy(IntPtr attributes);

    [DllImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    public static extern int AttributesSetFlags(IntPtr attributes, short flags);

    [DllImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    public static extern int AttributesSetSignalDefaults(IntPtr attributes, IntPtr signals);

    [DllImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    public static extern int AttributesSetSignalMask(IntPtr attributes, IntPtr signals);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    public static extern int FileActionsInit(IntPtr fileActions);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    public static extern int FileActionsDestroy(IntPtr fileActions);

    // glibc copies the path: the marshalled string may go once the call returns.
    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_addopen")]
    public static extern int FileActionsAddOpen(
        IntPtr fileActions, int descriptor, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mode);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static extern int FileActionsAddDup2(IntPtr fileActions, int descriptor, int newDescriptor);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_addchdir_np")]
    public static extern int FileActionsAddChangeDirectory(IntPtr fileActions, [MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_addclosefrom_np")]
    public static extern int FileActionsAddCloseFrom(IntPtr fileActions, int lowestDescriptor);

    [DllImport("libc", EntryPoint = "sigemptyset", SetLastError = true)]
    public static extern int SignalSetEmpty(IntPtr signals);

    // glibc leaves out its internal signals (SIGCANCEL, SIGSETXID); KILL and STOP cannot be reset and are skipped.
    [DllImport("libc", EntryPoint = "sigfillset", SetLastError = true)]
    public static extern int SignalSetFill(IntPtr signals);

    /// <summary>Throws when a posix_spawn function returned an error number.</summary>
    /// <exception cref="Win32Exception">It did; the message names the function and says why.</exception>
    public static void ThrowOnError(int error, string function)
    {
        if (error != 0)
        {
            throw LibC.Error(error, function);
        }
    }
}
