using System.Runtime.InteropServices;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

public sealed class NativeStringArrayTests
{
    [Fact]
    public void Lays_out_UTF8_strings_behind_a_NULL_terminated_pointer_array()
    {
        using var array = new NativeStringArray(["setpriv", "", "héllo=wörld"]);

        var read = Enumerable.Range(0, 4).Select(i => Marshal.ReadIntPtr(array.Pointer, i * IntPtr.Size)).ToArray();

        Assert.Equal(["setpriv", "", "héllo=wörld"], read[..3].Select(p => Marshal.PtrToStringUTF8(p)));
        Assert.Equal(IntPtr.Zero, read[3]);
    }

    [Fact]
    public void An_empty_list_is_a_lone_NULL()
    {
        using var array = new NativeStringArray([]);

        Assert.Equal(IntPtr.Zero, Marshal.ReadIntPtr(array.Pointer));
    }

    [Fact]
    public void Refuses_a_string_with_a_NUL_character()
    {
        Assert.Throws<ArgumentException>(() => new NativeStringArray(["a\0b"]));
    }

    [Fact]
    public void Cannot_be_used_once_disposed()
    {
        var array = new NativeStringArray(["x"]);
        array.Dispose();

        Assert.Throws<ObjectDisposedException>(() => array.Pointer);
    }
}
