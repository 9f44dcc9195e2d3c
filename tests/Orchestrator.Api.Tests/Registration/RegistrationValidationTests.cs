using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Events;
using Orchestrator.Api.Registration;
using Orchestrator.Api.Tests.Launch;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Registration;

public sealed class RegistrationValidationTests : IAsyncLifetime
{
    private readonly ResourceNotificationService _notifications = new(NullLogger<ResourceNotificationService>.Instance);
    private readonly EventStream _events = new(new EventStreamOptions(), NullLogger<EventStream>.Instance);
    private readonly ExternalServiceRegistry _registry;

    public RegistrationValidationTests()
    {
        var model = new TestModelBuilder();
        model.AddService("catalog");
        _registry = new ExternalServiceRegistry(_notifications, _events, TimeProvider.System, NullLogger<ExternalServiceRegistry>.Instance, model.Model);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _events.Dispose();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Payments")]
    [InlineData("1payments")]
    [InlineData("pay_ments")]
    [InlineData("payments\n")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task A_bad_name_is_reported_under_name(string name)
    {
        var outcome = await RegisterAsync(Valid() with { Name = name });

        AssertInvalid(outcome, "name");
    }

    [Fact]
    public async Task The_longest_allowed_name_passes()
    {
        var outcome = await RegisterAsync(Valid() with { Name = "a" + new string('b', 62) });

        Assert.Equal(RegistrationStatus.Registered, outcome.Status);
    }

    [Fact]
    public async Task Only_external_services_can_be_registered()
    {
        AssertInvalid(await RegisterAsync(Valid() with { Type = "project" }), "type");
    }

    [Fact]
    public async Task A_registration_needs_an_endpoint()
    {
        AssertInvalid(await RegisterAsync(Valid() with { Endpoints = [] }), "endpoints");
    }

    [Theory]
    [InlineData("/relative")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://user:secret@127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:8080/?x=1")]
    public async Task A_bad_url_is_reported_under_its_endpoint(string url)
    {
        var outcome = await RegisterAsync(Valid() with
        {
            Endpoints = [new ExternalEndpoint(new Uri("http://127.0.0.1:8080")), new ExternalEndpoint(new Uri(url, UriKind.RelativeOrAbsolute))],
        });

        AssertInvalid(outcome, "endpoints[1].url");
    }

    [Fact]
    public async Task The_url_error_never_repeats_credentials()
    {
        var outcome = await RegisterAsync(Valid() with { Endpoints = [new ExternalEndpoint(new Uri("http://user:secret@127.0.0.1:8080"))] });

        Assert.DoesNotContain("secret", string.Concat(outcome.Errors.SelectMany(e => e.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weight_below_one_is_reported_under_its_endpoint()
    {
        AssertInvalid(await RegisterAsync(Valid() with { Endpoints = [new ExternalEndpoint(new Uri("http://127.0.0.1:8080"), Weight: 0)] }), "endpoints[0].weight");
    }

    [Fact]
    public async Task Health_check_problems_are_reported_each_under_its_field()
    {
        var outcome = await RegisterAsync(Valid() with { HealthCheck = new ExternalHealthCheck("health", TimeSpan.Zero, TimeSpan.FromSeconds(-1)) });

        AssertInvalid(outcome, "healthCheck.path", "healthCheck.intervalSeconds", "healthCheck.timeoutSeconds");
    }

    [Fact]
    public async Task An_unknown_dependency_is_reported_under_its_index()
    {
        var outcome = await RegisterAsync(Valid() with { Dependencies = ["catalog", "ledger"] });

        AssertInvalid(outcome, "dependencies[1]");
    }

    [Fact]
    public async Task Dependencies_may_be_model_resources_or_registrations()
    {
        Assert.Equal(RegistrationStatus.Registered, (await RegisterAsync(Valid() with { Name = "ledger" })).Status);

        var outcome = await RegisterAsync(Valid() with { Dependencies = ["catalog", "ledger"] });

        Assert.Equal(RegistrationStatus.Registered, outcome.Status);
        Assert.Equal(["catalog", "ledger"], _registry.GetRegistrations().Single(r => r.Name == "payments").Dependencies);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var outcome = await RegisterAsync(new ExternalServiceRegistration("Bad", "external",
            [new ExternalEndpoint(new Uri("/x", UriKind.Relative), 0)], new ExternalHealthCheck("/health", TimeSpan.FromSeconds(1), TimeSpan.Zero), ["nope"]));

        AssertInvalid(outcome, "name", "endpoints[0].url", "endpoints[0].weight", "healthCheck.timeoutSeconds", "dependencies[0]");
    }

    [Fact]
    public async Task A_model_resources_name_is_in_use()
    {
        var outcome = await RegisterAsync(Valid() with { Name = "catalog" });

        Assert.Equal(RegistrationStatus.NameInUse, outcome.Status);
        Assert.Contains("name", outcome.Errors.Keys);
        Assert.Empty(_notifications.GetSnapshots("catalog"));
    }

    [Fact]
    public async Task A_registered_name_is_in_use_until_removed()
    {
        Assert.Equal(RegistrationStatus.Registered, (await RegisterAsync(Valid())).Status);
        Assert.Equal(RegistrationStatus.NameInUse, (await RegisterAsync(Valid())).Status);

        Assert.Equal(RemovalStatus.Removed, await _registry.RemoveAsync("payments", CancellationToken.None));

        Assert.Equal(RegistrationStatus.Registered, (await RegisterAsync(Valid())).Status);
    }

    [Fact]
    public async Task A_model_resource_cannot_be_removed_and_an_unknown_one_is_not_found()
    {
        Assert.Equal(RemovalStatus.NotRemovable, await _registry.RemoveAsync("catalog", CancellationToken.None));
        Assert.Equal(RemovalStatus.NotFound, await _registry.RemoveAsync("ghost", CancellationToken.None));
    }

    [Fact]
    public async Task An_invalid_registration_publishes_nothing()
    {
        await RegisterAsync(Valid() with { Endpoints = [new ExternalEndpoint(new Uri("http://127.0.0.1:8080"), Weight: 0)] });

        Assert.Empty(_notifications.GetSnapshots());
        Assert.False(_registry.IsRegistered("payments"));
    }

    [Fact]
    public async Task Without_a_health_check_each_endpoint_is_a_running_healthy_replica_with_its_weight()
    {
        var outcome = await RegisterAsync(Valid() with
        {
            Endpoints = [new ExternalEndpoint(new Uri("http://127.0.0.1:8080/")), new ExternalEndpoint(new Uri("https://10.0.0.2:8443/api"), Weight: 3)],
        });

        Assert.Equal(RegistrationStatus.Registered, outcome.Status);
        Assert.Empty(outcome.Errors);
        Assert.True(_registry.IsRegistered("payments"));
        var replicas = _notifications.GetSnapshots("payments");
        Assert.Equal(["payments-0", "payments-1"], replicas.Select(r => r.ReplicaName));
        Assert.All(replicas, r => Assert.Equal(("external", KnownResourceState.Running, HealthStatus.Healthy), (r.ResourceType, r.State, r.Health)));
        Assert.Equal("http://127.0.0.1:8080", Assert.Single(replicas[0].Urls));
        Assert.Equal("https://10.0.0.2:8443/api", Assert.Single(replicas[1].Urls));
        Assert.Equal(1, _registry.GetWeight(replicas[0]));
        Assert.Equal(3, _registry.GetWeight(replicas[1]));
    }

    private static ExternalServiceRegistration Valid() =>
        new("payments", "external", [new ExternalEndpoint(new Uri("http://127.0.0.1:8080"))], HealthCheck: null, Dependencies: []);

    private Task<RegistrationOutcome> RegisterAsync(ExternalServiceRegistration registration) =>
        _registry.RegisterAsync(registration, CancellationToken.None);

    private static void AssertInvalid(RegistrationOutcome outcome, params string[] fields)
    {
        Assert.Equal(RegistrationStatus.Invalid, outcome.Status);
        Assert.Equal(fields.Order(StringComparer.Ordinal), outcome.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(outcome.Errors.Values, messages => Assert.NotEmpty(messages));
    }
}
