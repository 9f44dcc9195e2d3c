using System.IO.Pipes;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Swaps the reader <see cref="System.Diagnostics.Process"/> gives a redirected stream (4 KB of bytes
/// and 8 KB of chars, held for the process's whole life) for one with small buffers on the same pipe.
/// A replica's output is mostly silence; with a thousand replicas the big buffers alone were 24 MB.
/// </summary>
internal static class OutputPipe
{
    private const int BufferBytes = 256;

    /// <summary>A small-buffered reader of the same pipe; <paramref name="processReader"/> is disposed (its descriptor closed).</summary>
    public static StreamReader Shrink(StreamReader processReader)
    {
        if (processReader.BaseStream is not PipeStream pipe)
        {
            return processReader;
        }

        var descriptor = LibC.Duplicate(pipe.SafePipeHandle);
        var stream = new AnonymousPipeClientStream(PipeDirection.In, new SafePipeHandle(descriptor, ownsHandle: true));
        processReader.Dispose();
        return new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true, BufferBytes);
    }
}
