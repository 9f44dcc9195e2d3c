using System.Runtime.InteropServices;
using System.Text;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// A NULL-terminated array of NUL-terminated UTF-8 strings in one native block, as <c>argv</c> and
/// <c>envp</c> are passed to <c>posix_spawn</c>. One allocation, freed on dispose.
/// </summary>
internal sealed class NativeStringArray : IDisposable
{
    private IntPtr _block;

    /// <exception cref="ArgumentException">A string holds a NUL character, which C cannot pass.</exception>
    public NativeStringArray(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var encoded = new byte[values.Count][];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{values[i].Replace('\0', '?')}' holds a NUL character, which cannot be passed to a program.", nameof(values));
            }

            encoded[i] = Encoding.UTF8.GetBytes(values[i]);
        }

        var pointersSize = (values.Count + 1) * IntPtr.Size;
        _block = Marshal.AllocHGlobal(pointersSize + encoded.Sum(bytes => bytes.Length + 1));
        var offset = pointersSize;
        for (var i = 0; i < encoded.Length; i++)
        {
            Marshal.WriteIntPtr(_block, i * IntPtr.Size, _block + offset);
            Marshal.Copy(encoded[i], 0, _block + offset, encoded[i].Length);
            Marshal.WriteByte(_block, offset + encoded[i].Length, 0);
            offset += encoded[i].Length + 1;
        }

        Marshal.WriteIntPtr(_block, encoded.Length * IntPtr.Size, IntPtr.Zero);
    }

    /// <summary>The <c>char*[]</c>; valid until disposed.</summary>
    public IntPtr Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_block == IntPtr.Zero, this);
            return _block;
        }
    }

    public void Dispose()
    {
        Marshal.FreeHGlobal(_block);
        _block = IntPtr.Zero;
    }
}
