using System.Runtime.InteropServices;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// The <c>posix_spawnattr_t</c> every replica is spawned with: a new session (the program leads its
/// own process group, as <c>setsid</c> did), every signal at its default action and none blocked.
/// An AppHost started by a script as a background job ignores INT and QUIT, under nohup HUP, and .NET
/// itself ignores PIPE; ignored signals survive exec, so without the reset a replica could not be
/// stopped by its stop signal. Resetting all of them is what Node (PM2) and systemd do too. The start
/// thread's mask is inherited by a spawn, hence the explicit empty one. (glibc leaves its two internal
/// signals, 32 and 33, ignored in every spawned child; a glibc program installs its own handlers for them.)
/// </summary>
internal sealed class SpawnAttributes : IDisposable
{
    private IntPtr _attributes;
    private IntPtr _signals;
    private bool _initialized;

    public SpawnAttributes()
    {
        _attributes = Marshal.AllocHGlobal(PosixSpawn.AttributesSize);
        _signals = Marshal.AllocHGlobal(PosixSpawn.SignalSetSize);
        try
        {
            PosixSpawn.ThrowOnError(PosixSpawn.AttributesInit(_attributes), "posix_spawnattr_init");
            _initialized = true;

            // The attributes copy the sets: one buffer serves for both.
            LibC.ThrowOnErrno(PosixSpawn.SignalSetFill(_signals), "sigfillset");
            PosixSpawn.ThrowOnError(PosixSpawn.AttributesSetSignalDefaults(_attributes, _signals), "posix_spawnattr_setsigdefault");
            LibC.ThrowOnErrno(PosixSpawn.SignalSetEmpty(_signals), "sigemptyset");
            PosixSpawn.ThrowOnError(PosixSpawn.AttributesSetSignalMask(_attributes, _signals), "posix_spawnattr_setsigmask");
            PosixSpawn.ThrowOnError(
                PosixSpawn.AttributesSetFlags(_attributes, PosixSpawn.SetSessionId | PosixSpawn.SetSignalDefaults | PosixSpawn.SetSignalMask),
                "posix_spawnattr_setflags");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The <c>posix_spawnattr_t*</c>; valid until disposed.</summary>
    public IntPtr Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_attributes == IntPtr.Zero, this);
            return _attributes;
        }
    }

    public void Dispose()
    {
        if (_initialized)
        {
            PosixSpawn.AttributesDestroy(_attributes);
            _initialized = false;
        }

        Marshal.FreeHGlobal(_attributes);
        Marshal.FreeHGlobal(_signals);
        _attributes = IntPtr.Zero;
        _signals = IntPtr.Zero;
    }
}
