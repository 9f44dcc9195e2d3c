using System.Runtime.InteropServices;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// A <c>posix_spawn_file_actions_t</c>: what the child does between the spawn and the exec
/// (open, dup2, chdir), in the order added. glibc keeps the actions in memory it frees on dispose.
/// </summary>
internal sealed class SpawnFileActions : IDisposable
{
    private const int ReadOnly = 0; // O_RDONLY

    private IntPtr _actions;
    private bool _initialized;

    public SpawnFileActions()
    {
        _actions = Marshal.AllocHGlobal(PosixSpawn.FileActionsSize);
        try
        {
            PosixSpawn.ThrowOnError(PosixSpawn.FileActionsInit(_actions), "posix_spawn_file_actions_init");
            _initialized = true;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The <c>posix_spawn_file_actions_t*</c>; valid until disposed.</summary>
    public IntPtr Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_actions == IntPtr.Zero, this);
            return _actions;
        }
    }

    /// <summary>The child opens <paramref name="path"/> read-only as <paramref name="descriptor"/>.</summary>
    public void OpenReadOnly(int descriptor, string path) =>
        PosixSpawn.ThrowOnError(PosixSpawn.FileActionsAddOpen(Pointer, descriptor, path, ReadOnly, 0), "posix_spawn_file_actions_addopen");

    /// <summary>
    /// The child duplicates <paramref name="source"/> onto <paramref name="target"/>. The copy loses
    /// close-on-exec, so the program inherits it while <paramref name="source"/> itself is closed by the exec.
    /// The caller keeps <paramref name="source"/> open until the spawn has returned.
    /// </summary>
    public void Duplicate(SafeFileDescriptor source, int target) =>
        PosixSpawn.ThrowOnError(PosixSpawn.FileActionsAddDup2(Pointer, source.Number, target), "posix_spawn_file_actions_adddup2");

    /// <summary>The child changes to <paramref name="path"/> (glibc 2.29).</summary>
    public void ChangeDirectory(string path) =>
        PosixSpawn.ThrowOnError(PosixSpawn.FileActionsAddChangeDirectory(Pointer, path), "posix_spawn_file_actions_addchdir_np");

    /// <summary>The child closes every descriptor from <paramref name="lowestDescriptor"/> up (glibc 2.34, one close_range call).</summary>
    public void CloseFrom(int lowestDescriptor) =>
        PosixSpawn.ThrowOnError(PosixSpawn.FileActionsAddCloseFrom(Pointer, lowestDescriptor), "posix_spawn_file_actions_addclosefrom_np");

    public void Dispose()
    {
        if (_initialized)
        {
            PosixSpawn.FileActionsDestroy(_actions);
            _initialized = false;
        }

        Marshal.FreeHGlobal(_actions);
        _actions = IntPtr.Zero;
    }
}
