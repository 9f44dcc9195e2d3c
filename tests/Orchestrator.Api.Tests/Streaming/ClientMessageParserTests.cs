using System.Text;
using Orchestrator.Api.Streaming;

namespace Orchestrator.Api.Tests.Streaming;

public sealed class ClientMessageParserTests
{
    [Fact]
    public void Reads_a_subscription_to_all_replicas()
    {
        Assert.True(Parse("""{ "action": "subscribe-logs", "resource": "catalog", "replica": null }""", out var command, out _));

        Assert.Equal(new ClientCommand("subscribe-logs", "catalog", null), command);
    }

    [Fact]
    public void Reads_an_unsubscription_of_one_replica_with_properties_in_any_order_and_case()
    {
        Assert.True(Parse("""{ "Replica": "catalog-1", "resource": "catalog", "ACTION": "unsubscribe-logs" }""", out var command, out _));

        Assert.Equal(new ClientCommand("unsubscribe-logs", "catalog", "catalog-1"), command);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("""{ "resource": "catalog" }""", "\"action\" is required")]
    [InlineData("""{ "action": "subscribe-logs" }""", "\"resource\" is required")]
    [InlineData("""{ "action": "subscribe-logs", "resource": "" }""", "\"resource\" must be a non-empty string")]
    [InlineData("""{ "action": "subscribe-logs", "resource": "catalog", "replica": 3 }""", "\"replica\" must be a non-empty string")]
    [InlineData("""{ "action": "dance", "resource": "catalog" }""", "Unknown action 'dance'")]
    public void Says_what_is_wrong_with_a_malformed_message(string text, string expected)
    {
        Assert.False(Parse(text, out var command, out var error));

        Assert.Null(command);
        Assert.Contains(expected, error);
    }

    private static bool Parse(string text, out ClientCommand? command, out string? error) =>
        ClientMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out command, out error);
}
