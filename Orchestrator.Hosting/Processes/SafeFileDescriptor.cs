using System.Runtime.InteropServices;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// A Linux file descriptor (pidfd, epoll, eventfd, pipe end) that is closed exactly once, even when
/// the code that opened it fails half-way. Passing it to a P/Invoke keeps it open for the call.
/// </summary>
internal sealed class SafeFileDescriptor : SafeHandle
{
    private static readonly IntPtr Invalid = new(-1);

    /// <summary>Takes ownership of <paramref name="descriptor"/>.</summary>
    public SafeFileDescriptor(int descriptor)
        : base(Invalid, ownsHandle: true)
    {
        SetHandle(new IntPtr(descriptor));
    }

    // 0 is a valid descriptor (standard input), unlike the null handles of SafeHandleZeroOrMinusOneIsInvalid.
    public override bool IsInvalid => handle == Invalid;

    /// <summary>The descriptor number, for the native calls that record it (file actions) rather than use it.</summary>
    public int Number => (int)handle;

    protected override bool ReleaseHandle()
    {
        // Linux releases the descriptor even when close reports an error (EINTR, EIO): never retry.
        Close((int)handle);
        return true;
    }

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
