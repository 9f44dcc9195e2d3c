using Orchestrator.Api.Streaming;

namespace Orchestrator.Api.Tests.Streaming;

public sealed class SendQueueTests
{
    private static readonly StreamFrame Frame = new("replica", "svc", new byte[] { (byte)'{', (byte)'}' });

    [Fact]
    public void Takes_messages_up_to_its_capacity()
    {
        var queue = new SendQueue(3);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Equal(SendQueueResult.Queued, queue.Offer(Frame)));
        Assert.Equal(3, queue.Count);
        Assert.False(queue.HasOverflowed);
    }

    [Fact]
    public void The_message_past_capacity_overflows_once_and_closes_the_queue()
    {
        var queue = new SendQueue(2);
        queue.Offer(Frame);
        queue.Offer(Frame);

        Assert.Equal(SendQueueResult.Overflowed, queue.Offer(Frame));
        Assert.Equal(SendQueueResult.Closed, queue.Offer(Frame));
        Assert.True(queue.HasOverflowed);
    }

    [Fact]
    public void A_closed_queue_drops_messages_without_calling_it_an_overflow()
    {
        var queue = new SendQueue(2);
        queue.Close();

        Assert.Equal(SendQueueResult.Closed, queue.Offer(Frame));
        Assert.False(queue.HasOverflowed);
    }

    [Fact]
    public async Task A_reader_that_keeps_up_never_overflows_it()
    {
        var queue = new SendQueue(1);
        var read = 0;
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(SendQueueResult.Queued, queue.Offer(Frame));
            await using var reader = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
            Assert.True(await reader.MoveNextAsync());
            read++;
        }

        Assert.Equal(100, read);
        Assert.False(queue.HasOverflowed);
    }

    [Fact]
    public async Task After_close_the_reader_gets_what_was_queued_then_ends()
    {
        var queue = new SendQueue(4);
        queue.Offer(Frame);
        queue.Offer(Frame);
        queue.Close();

        var frames = new List<StreamFrame>();
        await foreach (var frame in queue.ReadAllAsync(CancellationToken.None))
        {
            frames.Add(frame);
        }

        Assert.Equal(2, frames.Count);
    }
}
