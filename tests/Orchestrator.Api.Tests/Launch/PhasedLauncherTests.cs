using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Launch;
using Orchestrator.Hosting;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Launch;

public sealed class PhasedLauncherTests
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);

    private readonly TestModelBuilder _builder = new();
    private readonly FakeResourceExecutor _executor = new();
    private readonly FakeTimeProvider _time = new();
    private readonly ResourceNotificationService _notifications = new(NullLogger<ResourceNotificationService>.Instance);
    private readonly LaunchOptions _options = new();
    private PhasedLauncher? _launcher;

    private PhasedLauncher Launcher =>
        _launcher ??= new PhasedLauncher(_executor, _notifications, _options, _time, NullLogger<PhasedLauncher>.Instance);

    private Task<LaunchResult> Launch() => Launcher.LaunchAsync(LaunchPlanner.Plan(_builder.Model, _options));

    private ResourceSnapshot Snapshot(string resource) => _notifications.GetSnapshot(resource + "-0")!;

    // Subscribes at once (an async method runs synchronously to its first await), so call it before the launch.
    private async Task<ResourceSnapshot> FirstSnapshotAsync(Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken)
    {
        await foreach (var snapshot in _notifications.WatchAsync(cancellationToken))
        {
            if (predicate(snapshot))
            {
                return snapshot;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    [Fact]
    public async Task Phase_zero_starts_one_resource_at_a_time_in_order()
    {
        _builder.AddPostgres("postgres").AddDatabase("db");
        _builder.AddRedis("cache");
        _executor.HoldAll = true;

        var launch = Launch();
        foreach (var expected in new[] { "postgres", "db", "cache" })
        {
            Assert.Equal(expected, await _executor.NextStartAsync());
            Assert.Equal(1, _executor.InFlight);
            _executor.Complete(expected);
        }

        await launch.WaitAsync(SafetyTimeout);
        Assert.Equal(1, _executor.MaxInFlight);
    }

    [Fact]
    public async Task A_later_phase_starts_at_most_the_concurrency_limit_at_once_and_starts_them_all()
    {
        _options.MaxConcurrency = 10;
        for (var i = 0; i < 25; i++)
        {
            _builder.AddService($"svc-{i}");
        }

        _executor.HoldAll = true;

        var launch = Launch();
        var inFlight = new Queue<string>();
        for (var i = 0; i < 10; i++)
        {
            inFlight.Enqueue(await _executor.NextStartAsync());
        }

        Assert.Equal(10, _executor.InFlight);
        for (var i = 10; i < 25; i++)
        {
            _executor.Complete(inFlight.Dequeue());
            inFlight.Enqueue(await _executor.NextStartAsync());
        }

        while (inFlight.Count > 0)
        {
            _executor.Complete(inFlight.Dequeue());
        }

        var result = await launch.WaitAsync(SafetyTimeout);
        Assert.Equal(10, _executor.MaxInFlight);
        Assert.Equal(25, result.Started.Length);
    }

    [Fact]
    public async Task A_dependent_starts_only_after_its_dependency_is_up()
    {
        var a = _builder.AddService("a");
        _builder.AddService("b").WaitFor(a);
        _executor.HoldAll = true;

        var launch = Launch();
        Assert.Equal("a", await _executor.NextStartAsync());
        _executor.Complete("a");
        Assert.Equal("b", await _executor.NextStartAsync());
        _executor.Complete("b");
        await launch.WaitAsync(SafetyTimeout);

        Assert.Equal(["start:a", "up:a", "start:b", "up:b"], _executor.Timeline);
    }

    [Fact]
    public async Task A_resource_waiting_for_a_dependency_is_published_as_waiting_for_it()
    {
        var a = _builder.AddService("a");
        _builder.AddService("b").WaitFor(a);
        _executor.Hold("a");

        var launch = Launch();
        await _executor.NextStartAsync();

        Assert.Equal(KnownResourceState.Waiting, Snapshot("b").State);
        Assert.Equal("waiting for 'a'", Snapshot("b").StateReason);
        _executor.Complete("a");
        await launch.WaitAsync(SafetyTimeout);
    }

    [Fact]
    public async Task A_dependency_that_exits_with_the_expected_code_lets_its_dependent_start()
    {
        var migrations = _builder.AddService("migrations");
        _builder.AddService("api").WaitForCompletion(migrations);
        _executor.Exit("migrations", 0);

        var result = await Launch().WaitAsync(SafetyTimeout);

        Assert.Equal<string>(["migrations", "api"], result.Started);
    }

    [Fact]
    public async Task A_dependency_that_exits_with_another_code_fails_its_dependent()
    {
        var migrations = _builder.AddService("migrations");
        _builder.AddService("api").WaitForCompletion(migrations);
        _executor.SetLogTail("migrations", "ERROR: relation \"items\" already exists");
        _executor.Exit("migrations", 1);

        var ex = await Assert.ThrowsAsync<LaunchFailedException>(() => Launch().WaitAsync(SafetyTimeout));

        Assert.Equal("api", ex.ResourceName);
        Assert.Contains("'migrations' exited with code 1, but 'api' waits for exit code 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("relation \"items\" already exists", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["migrations"], _executor.StartOrder);
    }

    [Fact]
    public async Task A_resource_waiting_for_a_completion_does_not_hold_up_the_rest_of_its_phase()
    {
        var migrations = _builder.AddService("migrations");
        var cache = _builder.AddService("cache");
        _builder.AddService("api").WaitForCompletion(migrations);
        _builder.AddService("web").WaitFor(cache);

        using var watching = new CancellationTokenSource(SafetyTimeout);
        var apiWaits = FirstSnapshotAsync(s => s.ResourceName == "api" && s.StateReason == "waiting for 'migrations' to complete", watching.Token);

        var launch = Launch();
        Assert.Equal(["migrations", "cache", "web"], [await _executor.NextStartAsync(), await _executor.NextStartAsync(), await _executor.NextStartAsync()]);
        await apiWaits;
        Assert.DoesNotContain("api", _executor.StartOrder);
        _executor.Exit("migrations", 0);

        var result = await launch.WaitAsync(SafetyTimeout);
        Assert.Contains("api", result.Started);
    }

    [Fact]
    public async Task A_required_failure_stops_the_launch_with_its_log_tail_in_the_message()
    {
        _builder.AddService("api");
        _executor.FailStartOf("api", "exited with code 134");
        _executor.SetLogTail("api", "Unhandled exception. System.Exception: boom", "   at Program.Main()");

        var ex = await Assert.ThrowsAsync<LaunchFailedException>(() => Launch().WaitAsync(SafetyTimeout));

        Assert.Equal("api", ex.ResourceName);
        Assert.Contains("resource 'api' failed to start: exited with code 134", ex.Message, StringComparison.Ordinal);
        Assert.Contains("  | Unhandled exception. System.Exception: boom", ex.Message, StringComparison.Ordinal);
        Assert.Equal(KnownResourceState.FailedToStart, Snapshot("api").State);
    }

    [Fact]
    public async Task A_required_failure_cancels_starts_in_flight_and_starts_nothing_of_later_phases()
    {
        var slow = _builder.AddService("slow");
        _builder.AddService("broken");
        _builder.AddService("web").WaitFor(slow);
        _builder.AddService("late").WithLaunchPhase(phase: 2);
        _executor.Hold("slow");
        _executor.FailStartOf("broken", "exited with code 1");

        var ex = await Assert.ThrowsAsync<LaunchFailedException>(() => Launch().WaitAsync(SafetyTimeout));

        Assert.Equal("broken", ex.ResourceName);
        Assert.Equal(["slow"], _executor.CancelledStarts);
        Assert.Equal(["slow", "broken"], _executor.StartOrder);
        Assert.Equal("the launch stopped because 'broken' failed", Snapshot("late").StateReason);
    }

    [Fact]
    public async Task An_optional_failure_degrades_the_launch_and_blocks_what_depends_on_it()
    {
        var extras = _builder.AddService("extras").AsOptional();
        var report = _builder.AddService("report").WaitFor(extras);
        _builder.AddService("digest").WaitFor(report);
        _builder.AddService("core");
        _executor.FailStartOf("extras", "exited with code 1");

        var result = await Launch().WaitAsync(SafetyTimeout);

        Assert.Equal<ResourceLaunchProblem>([new ResourceLaunchProblem("extras", "exited with code 1")], result.Degraded);
        Assert.Equal<ResourceLaunchProblem>(
            [
                new ResourceLaunchProblem("report", "dependency 'extras' failed"),
                new ResourceLaunchProblem("digest", "dependency 'report' is blocked because 'extras' failed"),
            ],
            result.Blocked);
        Assert.Equal<string>(["core"], result.Started);
        Assert.Equal(["extras", "core"], _executor.StartOrder);
    }

    [Fact]
    public async Task Resources_behind_a_failed_optional_one_are_published_as_blocked_with_the_reason()
    {
        var extras = _builder.AddService("extras").AsOptional();
        _builder.AddService("report").WaitFor(extras);
        _executor.FailStartOf("extras", "exited with code 1");

        await Launch().WaitAsync(SafetyTimeout);

        Assert.Equal(KnownResourceState.Blocked, Snapshot("report").State);
        Assert.Equal("dependency 'extras' failed", Snapshot("report").StateReason);
    }

    [Fact]
    public async Task A_failed_optional_resource_is_stopped_and_published_as_failed_to_start()
    {
        _builder.AddService("extras").AsOptional();
        _executor.FailStartOf("extras", "exited with code 1");

        await Launch().WaitAsync(SafetyTimeout);

        Assert.Equal(["extras"], _executor.StopOrder);
        Assert.Equal(KnownResourceState.FailedToStart, Snapshot("extras").State);
        Assert.Equal("exited with code 1", Snapshot("extras").StateReason);
    }

    [Fact]
    public async Task A_start_that_outlasts_its_timeout_fails_when_the_clock_gets_there()
    {
        _builder.AddService("api").WithStartTimeout(TimeSpan.FromSeconds(5));
        _executor.Hold("api");

        var launch = Launch();
        await _executor.NextStartAsync();
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(launch.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        var ex = await Assert.ThrowsAsync<LaunchFailedException>(() => launch.WaitAsync(SafetyTimeout));
        Assert.Contains("it did not become healthy within 00:00:05", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["api"], _executor.CancelledStarts);
    }

    [Fact]
    public async Task A_dependency_that_never_completes_fails_its_dependent_after_the_start_timeout()
    {
        var migrations = _builder.AddService("migrations");
        _builder.AddService("api").WaitForCompletion(migrations).WithStartTimeout(TimeSpan.FromSeconds(30));
        using var watching = new CancellationTokenSource(SafetyTimeout);
        var apiWaits = FirstSnapshotAsync(s => s.ResourceName == "api" && s.StateReason == "waiting for 'migrations' to complete", watching.Token);

        var launch = Launch();
        await apiWaits;
        _time.Advance(TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<LaunchFailedException>(() => launch.WaitAsync(SafetyTimeout));
        Assert.Equal("api", ex.ResourceName);
        Assert.Contains("'migrations' did not complete within 00:00:30", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_durations_are_measured_on_the_injected_clock()
    {
        _builder.AddService("api");
        _executor.Hold("api");

        var launch = Launch();
        await _executor.NextStartAsync();
        _time.Advance(TimeSpan.FromSeconds(3));
        _executor.Complete("api");

        var result = await launch.WaitAsync(SafetyTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), result.Durations["api"]);
    }

    [Fact]
    public async Task Explicit_start_resources_and_those_waiting_for_them_are_not_started()
    {
        var report = _builder.AddService("report").WithExplicitStart();
        _builder.AddService("viewer").WaitFor(report);
        _builder.AddService("api");

        var result = await Launch().WaitAsync(SafetyTimeout);

        Assert.Equal(["api"], _executor.StartOrder);
        Assert.Equal<string>(["report", "viewer"], result.Deferred);
        Assert.Equal("waiting for 'report' to be started", Snapshot("viewer").StateReason);
    }

    [Fact]
    public async Task Stopping_goes_in_reverse_phase_order()
    {
        var postgres = _builder.AddPostgres("postgres");
        _builder.AddRedis("cache");
        var api = _builder.AddService("api").WithReference(postgres);
        _builder.AddService("web").WaitFor(api);
        await Launch().WaitAsync(SafetyTimeout);

        await Launcher.StopAsync().WaitAsync(SafetyTimeout);

        Assert.Equal(["web", "api", "cache", "postgres"], _executor.StopOrder);
    }

    [Fact]
    public async Task Stopping_after_a_failed_launch_stops_what_it_had_started()
    {
        var a = _builder.AddService("a");
        _builder.AddService("b").WaitFor(a);
        _builder.AddService("never").WaitFor(a).WithLaunchPhase(phase: 3);
        _executor.FailStartOf("b", "exited with code 1");
        await Assert.ThrowsAsync<LaunchFailedException>(() => Launch().WaitAsync(SafetyTimeout));

        await Launcher.StopAsync().WaitAsync(SafetyTimeout);

        Assert.Equal(["b", "a"], _executor.StopOrder);
    }

    [Fact]
    public async Task A_resource_that_fails_to_stop_does_not_keep_the_others_running()
    {
        _builder.AddService("a");
        _builder.AddService("b");
        _builder.AddService("c");
        _executor.FailStopOf("b");
        await Launch().WaitAsync(SafetyTimeout);

        await Launcher.StopAsync().WaitAsync(SafetyTimeout);

        Assert.Equal(["a", "b", "c"], _executor.StopOrder.Order());
    }

    [Fact]
    public async Task Stopping_cancels_a_launch_still_in_progress()
    {
        _builder.AddService("api");
        _executor.Hold("api");
        var launch = Launch();
        await _executor.NextStartAsync();

        await Launcher.StopAsync().WaitAsync(SafetyTimeout);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => launch.WaitAsync(SafetyTimeout));
        Assert.Equal(["api"], _executor.StopOrder);
    }
}
