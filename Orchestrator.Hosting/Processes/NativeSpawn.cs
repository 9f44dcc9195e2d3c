using System.IO.Pipes;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Starts a child with <c>posix_spawn</c> instead of <see cref="System.Diagnostics.Process"/>, which
/// keeps about 32 KB of reader and writer buffers, a copy of the environment and its own bookkeeping
/// per child for the child's whole life. The child leads a new session and process group, starts with
/// default signal actions (see <see cref="SpawnAttributes"/>), reads <c>/dev/null</c>, writes to two
/// close-on-exec pipes whose read ends are returned as streams with epoll-based asynchronous reads,
/// and inherits no other descriptor.
/// Must be called on the thread whose death should fire the child's parent-death signal
/// (see <see cref="ProcessStartThread"/>).
/// </summary>
internal static class NativeSpawn
{
    private const int CloseOnExec = 0x80000; // O_CLOEXEC
    private const int StandardInput = 0;
    private const int StandardOutput = 1;
    private const int StandardError = 2;

    /// <summary>Spawns <paramref name="request"/>; returns once the child has exec'd.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The spawn failed (bad working directory, out of descriptors); the message says which call and why.</exception>
    /// <exception cref="ArgumentException">An argument or variable holds a NUL character.</exception>
    public static SpawnedProcess Spawn(SpawnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var argv = new NativeStringArray(request.Arguments);
        using var envp = new NativeStringArray(request.Environment);
        Stream? output = null;
        Stream? error = null;
        SafeFileDescriptor? outputWrite = null;
        SafeFileDescriptor? errorWrite = null;
        try
        {
            (output, outputWrite) = CreatePipe();
            (error, errorWrite) = CreatePipe();
            var processId = SpawnWith(request, argv, envp, outputWrite, errorWrite);

            // The child holds its own copies now; ours must go, or the pipes never reach end-of-file.
            outputWrite.Dispose();
            errorWrite.Dispose();
            return new SpawnedProcess(processId, OpenPidFd(processId), output, error);
        }
        catch
        {
            output?.Dispose();
            error?.Dispose();
            throw;
        }
        finally
        {
            outputWrite?.Dispose();
            errorWrite?.Dispose();
        }
    }

    private static int SpawnWith(SpawnRequest request, NativeStringArray argv, NativeStringArray envp, SafeFileDescriptor output, SafeFileDescriptor error)
    {
        using var attributes = new SpawnAttributes();
        using var actions = new SpawnFileActions();

        // The dups come before the open of /dev/null onto 0, in case a pipe end is descriptor 0
        // (an AppHost started with its stdin closed).
        actions.Duplicate(output, StandardOutput);
        actions.Duplicate(error, StandardError);
        actions.OpenReadOnly(StandardInput, "/dev/null");
        actions.ChangeDirectory(request.WorkingDirectory);

        // Close-on-exec covers what .NET opens, not what the AppHost inherited open from whoever started it
        // (a test runner's sockets, a shell's descriptors): a replica gets 0, 1 and 2 only, as under systemd.
        actions.CloseFrom(StandardError + 1);
        PosixSpawn.ThrowOnError(
            PosixSpawn.Spawn(out var processId, request.Path, actions.Pointer, attributes.Pointer, argv.Pointer, envp.Pointer),
            "posix_spawn");
        return processId;
    }

    private static SafeFileDescriptor? OpenPidFd(int processId)
    {
        try
        {
            return PidFd.Open(processId);
        }
        catch
        {
            // Out of descriptors: a child nobody could watch must not run (it leads its group: kill that).
            LibC.SignalGroup(processId, (int)ProcessSignal.Kill);
            PidFd.Reap(processId);
            throw;
        }
    }

    // The read end as a pipe stream, not a FileStream: on Linux its asynchronous reads wait in the
    // runtime's epoll loop, while a FileStream would block a thread-pool thread per pipe.
    private static (Stream Read, SafeFileDescriptor Write) CreatePipe()
    {
        var ends = default(PipeEnds);
        LibC.ThrowOnErrno(Pipe2(ref ends, CloseOnExec), "pipe2");
        var write = new SafeFileDescriptor(ends.Write);
        var read = new SafePipeHandle(new IntPtr(ends.Read), ownsHandle: true);
        try
        {
            return (new AnonymousPipeClientStream(PipeDirection.In, read), write);
        }
        catch
        {
            read.Dispose();
            write.Dispose();
            throw;
        }
    }

    [DllImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static extern int Pipe2(ref PipeEnds ends, int flags);

    [StructLayout(LayoutKind.Sequential)]
    private struct PipeEnds
    {
        public int Read;
        public int Write;
    }
}
