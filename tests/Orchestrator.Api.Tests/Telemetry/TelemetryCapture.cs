using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Telemetry;

namespace Orchestrator.Api.Tests.Telemetry;

/// <summary>
/// Listens to the orchestrator's spans (every one started in the process: tests filter by trace or by name) and to the
/// instruments of its own meter factory only, so that other tests running at the same time never show up in its measurements.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<Activity> _started = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public TelemetryCapture()
    {
        MeterFactory = _services.GetRequiredService<IMeterFactory>();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OrchestratorTelemetryDefaults.ActivitySourceName || source.Name == TestSource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity => _started.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == MeterFactory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _meters.SetMeasurementEventCallback<int>((i, value, tags, _) => Record(i, value, tags));
        _meters.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _meters.Start();
    }

    /// <summary>A source of the test's own, for a parent span that marks one test's trace.</summary>
    public ActivitySource TestSource { get; } = new("Orchestrator.Api.Tests.Telemetry");

    public IMeterFactory MeterFactory { get; }

    /// <summary>Every orchestrator span started so far.</summary>
    public IReadOnlyList<Activity> Spans => _started.Where(a => a.Source.Name == OrchestratorTelemetryDefaults.ActivitySourceName).ToList();

    public IReadOnlyList<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements
    {
        get
        {
            _meters.RecordObservableInstruments();
            return [.. _measurements];
        }
    }

    /// <summary>The spans whose name is <paramref name="name"/>, in start order.</summary>
    public IReadOnlyList<Activity> Named(string name) => Spans.Where(a => a.DisplayName == name).ToList();

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
        TestSource.Dispose();
        _services.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
