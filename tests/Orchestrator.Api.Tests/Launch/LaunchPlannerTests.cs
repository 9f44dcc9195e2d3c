using Orchestrator.Api.Launch;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Validation;

namespace Orchestrator.Api.Tests.Launch;

public sealed class LaunchPlannerTests
{
    private readonly TestModelBuilder _builder = new();

    private LaunchPlan Plan(LaunchOptions? options = null) => LaunchPlanner.Plan(_builder.Model, options ?? new LaunchOptions());

    private static string[][] Names(LaunchPlan plan) => plan.Phases.Select(p => p.Resources.Select(r => r.Name).ToArray()).ToArray();

    [Fact]
    public void Infrastructure_starts_serially_in_phase_zero_with_each_database_after_its_server()
    {
        var cache = _builder.AddRedis("cache");
        var postgres = _builder.AddPostgres("postgres");
        var db = postgres.AddDatabase("db");
        _builder.AddService("api").WithReference(db).WithReference(cache);

        var plan = Plan();

        Assert.Equal([["cache", "postgres", "db"], ["api"]], Names(plan));
        Assert.Equal([0, 1], plan.Phases.Select(p => p.Number));
        Assert.True(plan.Phases[0].IsSerial);
        Assert.False(plan.Phases[1].IsSerial);
    }

    [Fact]
    public void A_database_follows_its_server_even_when_its_priority_says_otherwise()
    {
        var postgres = _builder.AddPostgres("postgres");
        postgres.AddDatabase("db").WithLaunchPhase(priority: -5);

        var plan = Plan();

        Assert.Equal([["postgres", "db"]], Names(plan));
    }

    [Fact]
    public void A_chain_of_three_makes_three_phases()
    {
        var a = _builder.AddService("a");
        var b = _builder.AddService("b").WaitFor(a);
        _builder.AddService("c").WaitFor(b);

        var plan = Plan();

        Assert.Equal([["a"], ["b"], ["c"]], Names(plan));
        Assert.Equal([1, 2, 3], plan.Phases.Select(p => p.Number));
    }

    [Fact]
    public void A_diamond_puts_both_sides_in_one_phase_between_its_ends()
    {
        var top = _builder.AddService("top");
        var left = _builder.AddService("left").WaitFor(top);
        var right = _builder.AddService("right").WaitFor(top);
        _builder.AddService("bottom").WaitFor(left).WaitFor(right);

        var plan = Plan();

        Assert.Equal([["top"], ["left", "right"], ["bottom"]], Names(plan));
    }

    [Fact]
    public void Independent_services_share_one_parallel_phase()
    {
        _builder.AddService("a");
        _builder.AddService("b");
        _builder.AddService("c");

        var plan = Plan();

        var phase = Assert.Single(plan.Phases);
        Assert.Equal(["a", "b", "c"], phase.Resources.Select(r => r.Name));
        Assert.False(phase.IsSerial);
    }

    [Fact]
    public void A_pin_raises_a_resource_above_its_computed_phase()
    {
        var a = _builder.AddService("a");
        _builder.AddService("b").WaitFor(a);
        _builder.AddService("gateway").WithLaunchPhase(phase: 3);

        var plan = Plan();

        Assert.Equal([["a"], ["b"], ["gateway"]], Names(plan));
        Assert.Equal(3, plan.GetPhase("gateway"));
    }

    [Fact]
    public void Phase_numbers_close_the_gaps_a_pin_leaves()
    {
        _builder.AddService("a");
        _builder.AddService("late").WithLaunchPhase(phase: 7);

        var plan = Plan();

        Assert.Equal([1, 2], plan.Phases.Select(p => p.Number));
        Assert.Equal(2, plan.GetPhase("late"));
    }

    [Fact]
    public void A_pin_at_the_phase_of_a_dependency_is_rejected_naming_both()
    {
        var worker = _builder.AddService("worker");
        _builder.AddService("api").WaitFor(worker).WithLaunchPhase(phase: 1);

        var ex = Assert.Throws<DistributedApplicationValidationException>(() => Plan());

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("api", problem.ResourceName);
        Assert.Contains("'api' is pinned to launch phase 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("depends on 'worker', which launches in phase 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contradiction_through_an_unpinned_resource_is_rejected()
    {
        var a = _builder.AddService("a").WithLaunchPhase(phase: 2);
        var b = _builder.AddService("b").WaitFor(a);
        _builder.AddService("c").WaitFor(b).WithLaunchPhase(phase: 2);

        var ex = Assert.Throws<DistributedApplicationValidationException>(() => Plan());

        Assert.Contains("'c' is pinned to launch phase 2, but it depends on 'b', which launches in phase 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infrastructure_cannot_depend_on_a_service()
    {
        var setup = _builder.AddService("setup");
        _builder.AddRedis("cache").WaitFor(setup);

        var ex = Assert.Throws<DistributedApplicationValidationException>(() => Plan());

        Assert.Contains("'cache' is pinned to launch phase 0, but it depends on 'setup'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Priorities_order_resources_inside_a_phase_then_declaration_order()
    {
        _builder.AddService("x").WithLaunchPhase(priority: 2);
        _builder.AddService("y").WithLaunchPhase(priority: -1);
        _builder.AddService("z");
        _builder.AddService("w");

        var plan = Plan();

        Assert.Equal([["y", "z", "w", "x"]], Names(plan));
    }

    [Fact]
    public void The_start_timeout_comes_from_the_resource_or_else_from_the_options()
    {
        _builder.AddService("slow").WithStartTimeout(TimeSpan.FromMinutes(3));
        _builder.AddService("usual");

        var plan = Plan(new LaunchOptions { StartTimeout = TimeSpan.FromSeconds(42) });

        Assert.Equal(TimeSpan.FromMinutes(3), plan.Find("slow")!.StartTimeout);
        Assert.Equal(TimeSpan.FromSeconds(42), plan.Find("usual")!.StartTimeout);
    }

    [Fact]
    public void Optional_resources_are_marked_optional()
    {
        _builder.AddService("extras").AsOptional();
        _builder.AddService("core");

        var plan = Plan();

        Assert.True(plan.Find("extras")!.IsOptional);
        Assert.False(plan.Find("core")!.IsOptional);
    }

    [Fact]
    public void Explicit_start_resources_are_planned_but_not_auto_started_nor_is_anything_behind_them()
    {
        var report = _builder.AddService("report").WithExplicitStart();
        var viewer = _builder.AddService("viewer").WaitFor(report);
        _builder.AddService("mailer").WaitFor(viewer);
        _builder.AddService("api");

        var plan = Plan();

        Assert.True(plan.Find("report")!.IsExplicitStart);
        Assert.False(plan.Find("report")!.IsAutoStarted);
        Assert.Equal<string>(["report"], plan.Find("viewer")!.BlockedUntilStarted);
        Assert.Equal<string>(["report"], plan.Find("mailer")!.BlockedUntilStarted);
        Assert.True(plan.Find("api")!.IsAutoStarted);
    }

    [Fact]
    public void A_wait_for_completion_is_planned_with_its_expected_exit_code()
    {
        var migrations = _builder.AddService("migrations");
        _builder.AddService("api").WaitForCompletion(migrations, exitCode: 3).WithReference(migrations);

        var plan = Plan();

        var dependency = Assert.Single(plan.Find("api")!.Dependencies);
        Assert.Equal(new PlannedDependency("migrations", WaitType.WaitForCompletion, 3), dependency);
    }

    [Fact]
    public void The_plan_lists_every_dependency_edge()
    {
        var postgres = _builder.AddPostgres("postgres");
        var db = postgres.AddDatabase("db");
        var migrations = _builder.AddService("migrations").WithReference(db);
        _builder.AddService("api").WaitForCompletion(migrations).WithReference(db);

        var plan = Plan();

        Assert.Equal(
            [
                new LaunchEdge("db", "postgres", WaitType.WaitUntilHealthy),
                new LaunchEdge("migrations", "db", WaitType.WaitUntilHealthy),
                new LaunchEdge("api", "migrations", WaitType.WaitForCompletion),
                new LaunchEdge("api", "db", WaitType.WaitUntilHealthy),
            ],
            plan.Edges);
    }

    [Fact]
    public void A_cycle_is_rejected_naming_its_resources()
    {
        var a = _builder.AddService("a");
        var b = _builder.AddService("b").WaitFor(a);
        a.WaitFor(b);
        _builder.AddService("c").WaitFor(a);

        var ex = Assert.Throws<DistributedApplicationValidationException>(() => Plan());

        Assert.Contains("'a' -> 'b' -> 'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_that_waits_for_itself_is_rejected()
    {
        var a = _builder.AddService("a");
        a.WaitFor(a);

        var ex = Assert.Throws<DistributedApplicationValidationException>(() => Plan());

        Assert.Contains("Resource 'a' waits for itself", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dependency_outside_the_model_is_rejected_naming_both()
    {
        var ghost = new ExecutableResource("ghost", "true", "/tmp");
        _builder.AddService("api").WithAnnotation(new WaitAnnotation(ghost, WaitType.WaitUntilHealthy));

        var ex = Assert.Throws<DistributedApplicationValidationException>(() => Plan());

        Assert.Contains("'api' depends on 'ghost', which is not in the model", ex.Message, StringComparison.Ordinal);
    }
}
