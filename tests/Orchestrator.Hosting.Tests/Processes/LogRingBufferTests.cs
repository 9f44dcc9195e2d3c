using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

public sealed class LogRingBufferTests
{
    private static readonly DateTimeOffset Noon = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Returns_the_latest_lines_oldest_first()
    {
        var buffer = new LogRingBuffer(10);
        foreach (var text in new[] { "a", "b", "c" })
        {
            buffer.Add(new LogLine(Noon, false, text));
        }

        Assert.Equal(["b", "c"], buffer.GetTail(2).Select(l => l.Text));
    }

    [Fact]
    public void Drops_the_oldest_line_when_full()
    {
        var buffer = new LogRingBuffer(3);
        for (var i = 1; i <= 7; i++)
        {
            buffer.Add(new LogLine(Noon, false, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(3, buffer.Count);
        Assert.Equal(["5", "6", "7"], buffer.GetTail(100).Select(l => l.Text));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(2345)]
    public void Keeps_every_line_in_order_while_it_grows_and_the_latest_once_full(int added)
    {
        var buffer = new LogRingBuffer(1000);
        for (var i = 0; i < added; i++)
        {
            buffer.Add(new LogLine(Noon, false, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var expected = Enumerable.Range(Math.Max(0, added - 1000), Math.Min(added, 1000))
            .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Math.Min(added, 1000), buffer.Count);
        Assert.Equal(expected, buffer.GetTail(5000).Select(l => l.Text));
    }

    [Fact]
    public void An_empty_buffer_has_an_empty_tail()
    {
        Assert.Empty(new LogRingBuffer(5).GetTail(5));
    }
}
