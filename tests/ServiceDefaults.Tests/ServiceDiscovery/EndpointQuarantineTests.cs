using Microsoft.Extensions.Hosting.ServiceDiscovery;

namespace ServiceDefaults.Tests.ServiceDiscovery;

public sealed class EndpointQuarantineTests
{
    private static readonly Uri Replica = new("http://127.0.0.1:5000");

    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Keeps_a_failed_replica_in_quarantine_until_its_time_is_up()
    {
        var quarantine = new EndpointQuarantine(TimeSpan.FromSeconds(5), _clock);
        quarantine.ReportFailure(Replica);

        _clock.Advance(TimeSpan.FromSeconds(4.9));
        var during = quarantine.IsQuarantined(Replica);
        _clock.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal((true, false), (during, quarantine.IsQuarantined(Replica)));
    }

    [Fact]
    public void Releases_a_replica_that_answers()
    {
        var quarantine = new EndpointQuarantine(TimeSpan.FromSeconds(5), _clock);
        quarantine.ReportFailure(Replica);

        quarantine.ReportSuccess(new Uri("http://127.0.0.1:5000/some/path"));

        Assert.False(quarantine.IsQuarantined(Replica));
    }

    [Fact]
    public void Quarantines_nothing_when_its_duration_is_zero()
    {
        var quarantine = new EndpointQuarantine(TimeSpan.Zero, _clock);

        quarantine.ReportFailure(Replica);

        Assert.False(quarantine.IsQuarantined(Replica));
    }
}
