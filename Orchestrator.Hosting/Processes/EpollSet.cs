using System.Runtime.InteropServices;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// An epoll set that one thread waits on and any thread can add to or wake. Descriptors are
/// level-triggered and named by a key; a descriptor leaves the set when it is closed.
/// </summary>
internal sealed class EpollSet : IDisposable
{
    private const int CloseOnExec = 0x80000; // EPOLL_CLOEXEC, EFD_CLOEXEC
    private const int NonBlocking = 0x800; // EFD_NONBLOCK
    private const int Add = 1; // EPOLL_CTL_ADD
    private const uint Readable = 1; // EPOLLIN
    private const ulong WakeKey = 0;

    // struct epoll_event { uint32_t events; uint64_t data; } is packed on x86-64 only.
    private static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    private static readonly int DataOffset = EventSize - sizeof(ulong);

    private readonly SafeFileDescriptor _epoll;
    private readonly SafeFileDescriptor _wake;
    private readonly int _capacity;
    private IntPtr _events;

    /// <summary>Creates the set and its wake event.</summary>
    /// <param name="capacity">The most events one <see cref="Wait"/> returns.</param>
    public EpollSet(int capacity)
    {
        _capacity = capacity;
        _epoll = Create(EpollCreate(CloseOnExec), "epoll_create1");
        try
        {
            // An eventfd, not a pipe: one descriptor, and repeated wakes just add to its counter.
            _wake = Create(EventFd(0, CloseOnExec | NonBlocking), "eventfd");
            Control(_wake, WakeKey);
            _events = Marshal.AllocHGlobal(capacity * EventSize);
        }
        catch
        {
            _wake?.Dispose();
            _epoll.Dispose();
            throw;
        }
    }

    /// <summary>Adds <paramref name="descriptor"/>, reported as <paramref name="key"/> (not 0) while it is readable.</summary>
    /// <exception cref="ObjectDisposedException">The set is disposed.</exception>
    public void AddReadable(SafeFileDescriptor descriptor, ulong key)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(key, WakeKey);
        Control(descriptor, key);
    }

    /// <summary>Makes the current or next <see cref="Wait"/> return; harmless after dispose.</summary>
    public void Wake()
    {
        try
        {
            ulong one = 1;
            Write(_wake, ref one, sizeof(ulong));
        }
        catch (ObjectDisposedException)
        {
            // The waiting thread is gone already.
        }
    }

    /// <summary>Blocks until a descriptor is readable, a wake, or the timeout; fills <paramref name="keys"/>.</summary>
    /// <param name="keys">Receives the keys of the readable descriptors.</param>
    /// <param name="timeoutMilliseconds">-1 for no timeout.</param>
    /// <returns>How many keys were written (0 after a wake, a timeout or a signal).</returns>
    public int Wait(Span<ulong> keys, int timeoutMilliseconds)
    {
        var count = EpollWait(_epoll, _events, Math.Min(keys.Length, _capacity), timeoutMilliseconds);
        if (count < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == Errno.Interrupted ? 0 : throw LibC.Error(error, "epoll_wait");
        }

        var written = 0;
        for (var i = 0; i < count; i++)
        {
            var key = (ulong)Marshal.ReadInt64(_events, (i * EventSize) + DataOffset);
            if (key == WakeKey)
            {
                // Reset the counter, or the level-triggered wake would be reported forever.
                Read(_wake, out _, sizeof(ulong));
                continue;
            }

            keys[written++] = key;
        }

        return written;
    }

    /// <summary>Only the waiting thread may dispose, once it no longer waits.</summary>
    public void Dispose()
    {
        _wake.Dispose();
        _epoll.Dispose();
        Marshal.FreeHGlobal(_events);
        _events = IntPtr.Zero;
    }

    private void Control(SafeFileDescriptor descriptor, ulong key)
    {
        var evt = Marshal.AllocHGlobal(16);
        try
        {
            Marshal.WriteInt32(evt, 0, (int)Readable);
            Marshal.WriteInt64(evt, DataOffset, (long)key);
            LibC.ThrowOnErrno(EpollControl(_epoll, Add, descriptor, evt), "epoll_ctl");
        }
        finally
        {
            Marshal.FreeHGlobal(evt);
        }
    }

    private static SafeFileDescriptor Create(int descriptor, string function)
    {
        LibC.ThrowOnErrno(descriptor, function);
        return new SafeFileDescriptor(descriptor);
    }

    [DllImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static extern int EpollCreate(int flags);

    [DllImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static extern int EpollControl(SafeFileDescriptor epoll, int operation, SafeFileDescriptor descriptor, IntPtr evt);

    [DllImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static extern int EpollWait(SafeFileDescriptor epoll, IntPtr events, int maxEvents, int timeout);

    [DllImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    private static extern int EventFd(uint initialValue, int flags);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint Write(SafeFileDescriptor descriptor, ref ulong value, nint count);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint Read(SafeFileDescriptor descriptor, out ulong value, nint count);
}
