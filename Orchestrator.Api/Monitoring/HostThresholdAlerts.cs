using System.Collections.Immutable;
using System.Globalization;
using Orchestrator.Api.Events;

namespace Orchestrator.Api.Monitoring;

/// <summary>
/// Turns host samples into alerts: one warning when a metric crosses its threshold, one recovery
/// (info) when it falls <see cref="HostThresholds.RecoveryMargin"/> under it again, and nothing while
/// it stays on one side, so that a busy host does not raise an alert every sample.
/// </summary>
public sealed class HostThresholdAlerts(HostThresholds thresholds)
{
    private readonly Lock _gate = new();
    private ImmutableArray<HostMetric> _active = [];

    /// <summary>The thresholds.</summary>
    public HostThresholds Thresholds { get; } = thresholds ?? throw new ArgumentNullException(nameof(thresholds));

    /// <summary>The metrics above their threshold now.</summary>
    public ImmutableArray<HostMetric> Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>The alerts <paramref name="stats"/> raises: warnings for metrics that crossed up, infos for those that recovered.</summary>
    public IReadOnlyList<AlertRaised> Evaluate(HostStats stats, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var alerts = new List<AlertRaised>();
        lock (_gate)
        {
            Check(HostMetric.Cpu, "CPU", stats.CpuPercent, Thresholds.CpuPercent, now, alerts);
            Check(HostMetric.Memory, "memory", stats.MemoryPercent, Thresholds.MemoryPercent, now, alerts);
            Check(HostMetric.Disk, "disk", stats.DiskPercent, Thresholds.DiskPercent, now, alerts);
        }

        return alerts;
    }

    private void Check(HostMetric metric, string name, double? value, double threshold, DateTimeOffset now, List<AlertRaised> alerts)
    {
        if (value is not { } percent)
        {
            return; // Unknown is neither a crossing nor a recovery.
        }

        var active = _active.Contains(metric);
        if (!active && percent > threshold)
        {
            _active = _active.Add(metric);
            alerts.Add(new AlertRaised(now, null, null, AlertSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
                $"Host {name} use is {percent:0.#} %, above the {threshold:0.#} % warning threshold.{Advice(metric)}")));
        }
        else if (active && percent <= threshold - Thresholds.RecoveryMargin)
        {
            _active = _active.Remove(metric);
            alerts.Add(new AlertRaised(now, null, null, AlertSeverity.Info, string.Create(CultureInfo.InvariantCulture,
                $"Host {name} use is back to {percent:0.#} %, under the {threshold:0.#} % warning threshold.")));
        }
    }

    private static string Advice(HostMetric metric) => metric switch
    {
        HostMetric.Cpu => " Services may answer slowly and fail their health checks; consider fewer replicas.",
        HostMetric.Memory => " The kernel may kill processes when it runs out; consider fewer replicas.",
        _ => " Databases and logs in the state directory may fail to write; free some space.",
    };
}
