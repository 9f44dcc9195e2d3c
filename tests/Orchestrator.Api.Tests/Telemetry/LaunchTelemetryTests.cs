using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Launch;
using Orchestrator.Api.Telemetry;
using Orchestrator.Api.Tests.Launch;
using Orchestrator.Hosting;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Telemetry;

public sealed class LaunchTelemetryTests : IDisposable
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);

    private readonly TelemetryCapture _capture = new();
    private readonly TestModelBuilder _builder = new();
    private readonly FakeResourceExecutor _executor = new();
    private readonly ResourceNotificationService _notifications = new(NullLogger<ResourceNotificationService>.Instance);
    private readonly LaunchOptions _options = new();

    public void Dispose() => _capture.Dispose();

    [Fact]
    public async Task A_launch_is_one_trace_with_a_span_per_phase_and_each_start_under_its_phase()
    {
        var db = _builder.AddPostgres("pg").AddDatabase("db");
        _builder.AddService("api").WaitFor(db);

        var spans = await LaunchAndCollectAsync();

        var launch = Assert.Single(spans, s => s.DisplayName == "launch");
        var phases = spans.Where(s => s.DisplayName.StartsWith("phase ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["phase 0", "phase 1"], phases.Select(p => p.DisplayName));
        Assert.All(phases, p => Assert.Equal(launch.SpanId, p.ParentSpanId));
        Assert.Equal(phases[0].SpanId, spans.Single(s => s.DisplayName == "start pg").ParentSpanId);
        Assert.Equal(phases[0].SpanId, spans.Single(s => s.DisplayName == "start db").ParentSpanId);
        Assert.Equal(phases[1].SpanId, spans.Single(s => s.DisplayName == "start api").ParentSpanId);
        Assert.Equal("started", launch.GetTagItem(OrchestratorTelemetryDefaults.OutcomeTag));
        var duration = Assert.Single(_capture.Measurements, m => m.Instrument == OrchestratorTelemetryDefaults.LaunchDurationMetric);
        Assert.Equal("started", duration.Tags[OrchestratorTelemetryDefaults.OutcomeTag]);
    }

    [Fact]
    public async Task A_start_that_fails_marks_its_span_and_the_launch_as_errors_and_the_duration_as_failed()
    {
        _builder.AddService("broken");
        _executor.FailStartOf("broken", "port already in use");

        var spans = await LaunchAndCollectAsync(expectFailure: true);

        var start = spans.Single(s => s.DisplayName == "start broken");
        Assert.Equal(ActivityStatusCode.Error, start.Status);
        Assert.Equal("port already in use", start.StatusDescription);
        Assert.Equal(ActivityStatusCode.Error, spans.Single(s => s.DisplayName == "launch").Status);
        var duration = Assert.Single(_capture.Measurements, m => m.Instrument == OrchestratorTelemetryDefaults.LaunchDurationMetric);
        Assert.Equal("failed", duration.Tags[OrchestratorTelemetryDefaults.OutcomeTag]);
    }

    // Other tests launch at the same time in this process: a parent span of the test's own marks this launch's trace.
    private async Task<IReadOnlyList<Activity>> LaunchAndCollectAsync(bool expectFailure = false)
    {
        var instrumentation = new OrchestratorInstrumentation(_capture.MeterFactory, _notifications);
        var launcher = new PhasedLauncher(_executor, _notifications, _options, TimeProvider.System, NullLogger<PhasedLauncher>.Instance, instrumentation);
        ActivityTraceId trace;
        using (var test = _capture.TestSource.StartActivity("test"))
        {
            trace = test!.TraceId;
            var launch = launcher.LaunchAsync(LaunchPlanner.Plan(_builder.Model, _options));
            if (expectFailure)
            {
                await Assert.ThrowsAsync<LaunchFailedException>(() => launch.WaitAsync(SafetyTimeout));
            }
            else
            {
                await launch.WaitAsync(SafetyTimeout);
            }
        }

        await launcher.StopAsync();
        return _capture.Spans.Where(s => s.TraceId == trace).ToList();
    }
}
