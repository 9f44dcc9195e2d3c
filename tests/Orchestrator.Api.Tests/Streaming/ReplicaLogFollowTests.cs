using Orchestrator.Api.Streaming;

namespace Orchestrator.Api.Tests.Streaming;

public sealed class ReplicaLogFollowTests
{
    private readonly List<string> _sent = [];

    [Fact]
    public void A_first_follow_forwards_only_new_lines()
    {
        var process = new FakeProcessHandle(1);
        process.Print("before");
        using var follow = Follow();

        follow.Follow(process, catchUp: false);
        process.Print("after");

        Assert.Equal(["after"], _sent);
    }

    [Fact]
    public void A_restarted_process_is_followed_from_its_first_line_without_repeating_one()
    {
        var first = new FakeProcessHandle(1);
        var second = new FakeProcessHandle(2);
        using var follow = Follow();
        follow.Follow(first, catchUp: false);
        first.Print("old");
        second.Print("starting");
        // A line printed between the subscription and the tail read is in both: it must be sent once.
        second.OnSubscribed = () => second.Print("racing");

        follow.Follow(second, catchUp: true);
        second.Print("started");
        first.Print("late line of the dead process");

        Assert.Equal(["old", "starting", "racing", "started"], _sent);
        Assert.Equal(0, first.SubscriberCount);
    }

    [Fact]
    public void The_same_process_is_not_followed_twice()
    {
        var process = new FakeProcessHandle(1);
        using var follow = Follow();

        follow.Follow(process, catchUp: false);
        follow.Follow(process, catchUp: true);
        process.Print("once");

        Assert.Equal(["once"], _sent);
        Assert.Equal(1, process.SubscriberCount);
    }

    [Fact]
    public void Disposing_stops_the_lines()
    {
        var process = new FakeProcessHandle(1);
        var follow = Follow();
        follow.Follow(process, catchUp: false);

        follow.Dispose();
        process.Print("unseen");
        follow.Follow(new FakeProcessHandle(2), catchUp: true);

        Assert.Empty(_sent);
        Assert.Equal(0, process.SubscriberCount);
    }

    private ReplicaLogFollow Follow() => new("svc", "svc-0", message =>
    {
        Assert.Equal(("svc", "svc-0", "stdout"), (message.Resource, message.Replica, message.Stream));
        _sent.Add(message.Text);
    });
}
