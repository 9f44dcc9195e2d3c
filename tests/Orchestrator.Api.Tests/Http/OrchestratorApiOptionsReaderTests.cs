using Microsoft.Extensions.Configuration;
using Orchestrator.Api.Http;

namespace Orchestrator.Api.Tests.Http;

public sealed class OrchestratorApiOptionsReaderTests
{
    [Fact]
    public void Without_settings_the_API_listens_on_loopback_port_9000_and_the_port_may_give_way()
    {
        var options = OrchestratorApiOptionsReader.Read(Configuration());

        Assert.Equal(("127.0.0.1", 9000, false, true), (options.Address, options.Port, options.PortConfigured, options.Enabled));
        Assert.Equal((1000, 2000, 64 * 1024L), (options.PermitPerSecond, options.Burst, options.MaxRequestBodyBytes));
    }

    [Fact]
    public void The_port_variable_overrides_the_section()
    {
        var options = OrchestratorApiOptionsReader.Read(Configuration(("Orchestrator:Api:Port", "9100"), ("ORCHESTRATOR_API_PORT", "0")));

        Assert.Equal((0, true), (options.Port, options.PortConfigured));
    }

    [Fact]
    public void A_port_in_the_section_is_binding()
    {
        var options = OrchestratorApiOptionsReader.Read(Configuration(("Orchestrator:Api:Port", "9100"), ("Orchestrator:Api:Burst", "7")));

        Assert.Equal((9100, true, 7), (options.Port, options.PortConfigured, options.Burst));
    }

    [Fact]
    public void Every_setting_of_the_section_is_read()
    {
        var options = OrchestratorApiOptionsReader.Read(Configuration(
            ("Orchestrator:Api:Enabled", "false"), ("Orchestrator:Api:Address", "0.0.0.0"), ("Orchestrator:Api:OperatorKey", "op"),
            ("Orchestrator:Api:ViewerKey", "view"), ("Orchestrator:Api:PermitPerSecond", "5"), ("Orchestrator:Api:MaxRequestBodyBytes", "1024")));

        Assert.Equal((false, "0.0.0.0", "op", "view", 5, 1024L),
            (options.Enabled, options.Address, options.OperatorKey, options.ViewerKey, options.PermitPerSecond, options.MaxRequestBodyBytes));
    }

    [Theory]
    [InlineData("ORCHESTRATOR_API_PORT", "nine")]
    [InlineData("Orchestrator:Api:Port", "70000")]
    [InlineData("Orchestrator:Api:Port", "nine")]
    [InlineData("Orchestrator:Api:Burst", "1.5")]
    [InlineData("Orchestrator:Api:Enabled", "maybe")]
    [InlineData("Orchestrator:Api:Address", "not-an-address")]
    [InlineData("Orchestrator:Api:PermitPerSecond", "0")]
    [InlineData("Orchestrator:Api:MaxRequestBodyBytes", "0")]
    public void A_setting_out_of_range_stops_the_start_with_its_name(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OrchestratorApiOptionsReader.Read(Configuration((key, value))));

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
