using System.Text;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

public sealed class OutputLineReaderTests
{
    [Fact]
    public async Task Splits_on_newlines_and_drops_carriage_returns()
    {
        Assert.Equal(["one", "two", "", "three"], await ReadAsync("one\r\ntwo\n\nthree\n", maxLineLength: 100));
    }

    [Fact]
    public async Task Keeps_a_last_line_without_newline()
    {
        Assert.Equal(["done", "partial"], await ReadAsync("done\npartial", maxLineLength: 100));
    }

    [Fact]
    public async Task Splits_a_line_longer_than_the_limit()
    {
        Assert.Equal(["abcd", "efgh", "ij"], await ReadAsync("abcdefghij\n", maxLineLength: 4));
    }

    [Fact]
    public async Task Reads_lines_that_span_the_read_buffer()
    {
        var longLine = new string('x', 10_000);

        Assert.Equal([longLine, "end"], await ReadAsync(longLine + "\nend\n", maxLineLength: 20_000));
    }

    [Fact]
    public async Task Decodes_a_character_whose_bytes_arrive_in_separate_reads()
    {
        var lines = new List<string>();

        await new OutputLineReader(new OneByteAtATimeStream(Encoding.UTF8.GetBytes("héllo → 🚀\n")), 100).ReadAllAsync(lines.Add, CancellationToken.None);

        Assert.Equal(["héllo → 🚀"], lines);
    }

    [Fact]
    public async Task Replaces_bytes_that_are_not_UTF8()
    {
        var lines = new List<string>();

        await new OutputLineReader(new MemoryStream([(byte)'a', 0xFF, (byte)'b', 0xE2, 0x82]), 100).ReadAllAsync(lines.Add, CancellationToken.None);

        Assert.Equal(["a\uFFFDb\uFFFD"], lines);
    }

    [Fact]
    public async Task Ends_quietly_when_the_stream_is_closed_under_it()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("never read\n"));
        await stream.DisposeAsync();
        var lines = new List<string>();

        await new OutputLineReader(stream, 100).ReadAllAsync(lines.Add, CancellationToken.None);

        Assert.Empty(lines);
    }

    private static async Task<List<string>> ReadAsync(string text, int maxLineLength)
    {
        var lines = new List<string>();
        await new OutputLineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), maxLineLength).ReadAllAsync(lines.Add, CancellationToken.None);
        return lines;
    }

    // A pipe may deliver a multi-byte character in pieces.
    private sealed class OneByteAtATimeStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
