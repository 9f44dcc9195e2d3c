using Orchestrator.Api.Events;
using Orchestrator.Api.Monitoring;

namespace Orchestrator.Api.Tests.Monitoring;

public sealed class HostThresholdAlertsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly HostThresholdAlerts _alerts = new(new HostThresholds());

    [Fact]
    public void Raises_one_warning_when_a_metric_crosses_its_threshold_and_stays_above()
    {
        var first = _alerts.Evaluate(Cpu(95), Now);
        var whileAbove = Enumerable.Range(0, 5).SelectMany(_ => _alerts.Evaluate(Cpu(97), Now)).ToList();

        var warning = Assert.Single(first);
        Assert.Equal(AlertSeverity.Warning, warning.Severity);
        Assert.Null(warning.Resource);
        Assert.StartsWith("Host CPU use is 95 %, above the 80 % warning threshold.", warning.Message, StringComparison.Ordinal);
        Assert.Empty(whileAbove);
        Assert.Equal(HostMetric.Cpu, Assert.Single(_alerts.Active));
    }

    [Fact]
    public void A_value_at_the_threshold_is_not_above_it()
    {
        Assert.Empty(_alerts.Evaluate(Cpu(80), Now));
    }

    [Fact]
    public void Hovering_just_under_the_threshold_does_not_count_as_recovered()
    {
        _alerts.Evaluate(Cpu(85), Now);

        var hovering = new[] { 79.0, 81, 78, 82 }.SelectMany(v => _alerts.Evaluate(Cpu(v), Now)).ToList();

        Assert.Empty(hovering);
        Assert.Single(_alerts.Active);
    }

    [Fact]
    public void Raises_one_recovery_once_the_metric_falls_under_the_threshold_by_the_margin()
    {
        _alerts.Evaluate(Cpu(85), Now);

        var recovered = _alerts.Evaluate(Cpu(75), Now);
        var afterwards = _alerts.Evaluate(Cpu(20), Now);

        var info = Assert.Single(recovered);
        Assert.Equal(AlertSeverity.Info, info.Severity);
        Assert.Equal("Host CPU use is back to 75 %, under the 80 % warning threshold.", info.Message);
        Assert.Empty(afterwards);
        Assert.Empty(_alerts.Active);
    }

    [Fact]
    public void Each_metric_has_its_own_threshold()
    {
        var raised = _alerts.Evaluate(new HostStats(85, 85, null, null, 85, null, null), Now);

        Assert.Equal(2, raised.Count);
        Assert.Contains(raised, a => a.Message.StartsWith("Host CPU", StringComparison.Ordinal));
        Assert.Contains(raised, a => a.Message.StartsWith("Host memory", StringComparison.Ordinal));
        Assert.DoesNotContain(HostMetric.Disk, _alerts.Active);
    }

    [Fact]
    public void An_unknown_value_neither_raises_nor_recovers()
    {
        _alerts.Evaluate(Cpu(90), Now);

        Assert.Empty(_alerts.Evaluate(HostStats.Empty, Now));
        Assert.Single(_alerts.Active);
    }

    private static HostStats Cpu(double percent) => HostStats.Empty with { CpuPercent = percent };
}
