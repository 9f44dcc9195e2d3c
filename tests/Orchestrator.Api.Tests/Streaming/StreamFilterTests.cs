using Orchestrator.Api.Streaming;

namespace Orchestrator.Api.Tests.Streaming;

public sealed class StreamFilterTests
{
    [Fact]
    public void No_query_lets_everything_through()
    {
        Assert.True(StreamFilter.TryParse(null, "", out var filter, out var errors));

        Assert.Empty(errors);
        Assert.True(filter.Accepts("restart.started", "svc"));
        Assert.True(filter.Accepts("alert.raised", null));
    }

    [Fact]
    public void Lists_are_split_on_commas_and_trimmed()
    {
        Assert.True(StreamFilter.TryParse(" catalog , basket,", "resource.state, restart.started", out var filter, out _));

        Assert.Equal(["basket", "catalog"], filter.Resources.Order());
        Assert.Equal(["resource.state", "restart.started"], filter.Types.Order());
    }

    [Fact]
    public void An_unknown_type_is_an_error_on_the_types_field_naming_it()
    {
        Assert.False(StreamFilter.TryParse(null, "resource.state,bogus,snapshot", out _, out var errors));

        var messages = Assert.Single(errors, e => e.Key == "types").Value;
        Assert.Equal(2, messages.Length);
        Assert.Contains("'bogus'", messages[0]);
        Assert.Contains("'snapshot'", messages[1]);
        Assert.Contains("restart.scheduled", messages[0]);
    }

    [Fact]
    public void Every_event_discriminator_and_replica_and_usage_are_filterable_but_not_snapshot_log_or_error()
    {
        string[] expected = ["alert.raised", "circuit.changed", "failure.detected", "replica", "resource.health", "resource.quarantined",
            "resource.released", "resource.state", "restart.dependency", "restart.failed", "restart.scheduled", "restart.started",
            "restart.succeeded", "usage"];

        Assert.Equal(expected, StreamMessageTypes.Filterable.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unknown_resources_are_allowed_since_they_may_be_registered_later()
    {
        Assert.True(StreamFilter.TryParse("not-yet-registered", null, out var filter, out _));

        Assert.True(filter.Accepts("replica", "not-yet-registered"));
    }

    [Fact]
    public void A_resource_filter_keeps_out_other_resources_and_messages_about_none()
    {
        Assert.True(StreamFilter.TryParse("svc", "alert.raised", out var filter, out _));

        Assert.True(filter.Accepts("alert.raised", "svc"));
        Assert.False(filter.Accepts("alert.raised", "other"));
        Assert.False(filter.Accepts("alert.raised", null));
        Assert.False(filter.Accepts("resource.state", "svc"));
    }
}
