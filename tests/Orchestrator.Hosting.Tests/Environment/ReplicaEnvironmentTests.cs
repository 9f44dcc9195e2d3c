using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.EnvironmentVariables;
using Orchestrator.Hosting.Ports;
using Orchestrator.Hosting.Tests.Ports;

namespace Orchestrator.Hosting.Tests.EnvironmentVariables;

public sealed class ReplicaEnvironmentTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Injects_a_connection_string_under_the_database_name()
    {
        var db = _models.Builder.AddPostgres("pg", password: "s3cret", port: 5433).AddDatabase("catalogdb");
        var catalog = _models.Project("catalog").WithReference(db);

        var environment = Build(catalog.Resource, 0);

        Assert.Equal("Host=127.0.0.1;Port=5433;Username=postgres;Password=s3cret;Database=catalogdb", environment["ConnectionStrings__catalogdb"]);
    }

    [Fact]
    public void Quotes_a_fixed_password_that_holds_the_connection_string_separators()
    {
        const string password = "a;b=c\"d'e";
        var db = _models.Builder.AddPostgres("pg", password: password, port: 5433).AddDatabase("catalogdb");
        var catalog = _models.Project("catalog").WithReference(db);

        var environment = Build(catalog.Resource, 0);

        var parsed = new Npgsql.NpgsqlConnectionStringBuilder(environment["ConnectionStrings__catalogdb"]);
        Assert.Equal(password, parsed.Password);
        Assert.Equal("catalogdb", parsed.Database);
        Assert.Equal(5433, parsed.Port);
    }

    [Fact]
    public void Injects_a_connection_string_under_the_connection_name_with_a_generated_password()
    {
        var cache = _models.Builder.AddRedis("cache", port: 6390);
        var catalog = _models.Project("catalog").WithReference(cache, connectionName: "redis");

        var environment = Build(catalog.Resource, 0);

        Assert.Equal("127.0.0.1:6390,password=generated-cache-password", environment["ConnectionStrings__redis"]);
        Assert.DoesNotContain("ConnectionStrings__cache", environment.Keys);
    }

    [Fact]
    public void Injects_a_service_entry_for_every_replica_of_a_referenced_service()
    {
        var catalog = _models.Project("catalog").WithReplicas(2);
        var storefront = _models.Project("storefront").WithReference(catalog);

        var environment = Build(storefront.Resource, 0, new ScriptedPortSource(41000, 41001, 41002));

        Assert.Equal("http://127.0.0.1:41000", environment["services__catalog__http__0"]);
        Assert.Equal("http://127.0.0.1:41001", environment["services__catalog__http__1"]);
        Assert.Equal(2, environment.Keys.Count(k => k.StartsWith("services__", StringComparison.Ordinal)));
    }

    [Fact]
    public void Names_service_entries_by_endpoint_for_every_endpoint()
    {
        var api = _models.Executable("api").WithHttpEndpoint().WithEndpoint("https", name: "secure");
        var web = _models.Project("web").WithReference(api);

        var environment = Build(web.Resource, 0, new ScriptedPortSource(41000, 41001, 41002));

        Assert.Equal("http://127.0.0.1:41000", environment["services__api__http__0"]);
        Assert.Equal("https://127.0.0.1:41001", environment["services__api__secure__0"]);
    }

    [Fact]
    public void Passes_each_replica_its_own_port_in_the_endpoint_variable()
    {
        var worker = _models.Executable("worker").WithHttpEndpoint(env: "PORT").WithReplicas(2);

        var runtime = Runtime(new ScriptedPortSource(41000, 41001));

        Assert.Equal("41000", ReplicaEnvironment.Build(worker.Resource, 0, runtime)["PORT"]);
        Assert.Equal("41001", ReplicaEnvironment.Build(worker.Resource, 1, runtime)["PORT"]);
    }

    [Fact]
    public void Points_ASPNETCORE_URLS_at_each_replicas_http_endpoints()
    {
        var catalog = _models.Project("catalog").WithEndpoint("https").WithEndpoint("tcp", name: "grpc").WithReplicas(2);

        var runtime = Runtime(new ScriptedPortSource(41000, 41001, 41002, 41003, 41004, 41005));

        // Allocation runs endpoint by endpoint, replica by replica: http 41000/41001, https 41002/41003.
        Assert.Equal("http://127.0.0.1:41000;https://127.0.0.1:41002", ReplicaEnvironment.Build(catalog.Resource, 0, runtime)["ASPNETCORE_URLS"]);
        Assert.Equal("http://127.0.0.1:41001;https://127.0.0.1:41003", ReplicaEnvironment.Build(catalog.Resource, 1, runtime)["ASPNETCORE_URLS"]);
    }

    [Fact]
    public void Runs_a_project_in_Development_unless_the_AppHost_says_otherwise()
    {
        var catalog = _models.Project("catalog");
        var orders = _models.Project("orders").WithEnvironment("ASPNETCORE_ENVIRONMENT", "Staging");

        var runtime = Runtime();

        Assert.Equal("Development", ReplicaEnvironment.Build(catalog.Resource, 0, runtime)["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Development", ReplicaEnvironment.Build(catalog.Resource, 0, runtime)["DOTNET_ENVIRONMENT"]);
        Assert.Equal("Staging", ReplicaEnvironment.Build(orders.Resource, 0, runtime)["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void Gives_an_executable_no_AspNetCore_variables()
    {
        var worker = _models.Executable("worker").WithHttpEndpoint();

        var environment = Build(worker.Resource, 0);

        Assert.DoesNotContain("ASPNETCORE_URLS", environment.Keys);
        Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT", environment.Keys);
    }

    [Fact]
    public void Names_the_service_and_the_replica_for_OpenTelemetry()
    {
        var catalog = _models.Project("catalog").WithReplicas(2);

        var environment = Build(catalog.Resource, 1);

        Assert.Equal("catalog", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=catalog-1", environment["OTEL_RESOURCE_ATTRIBUTES"]);
    }

    [Fact]
    public void Sets_no_exporter_variables_without_OTLP()
    {
        var catalog = _models.Project("catalog");

        var environment = Build(catalog.Resource, 0);

        Assert.DoesNotContain(environment.Keys, k => k.StartsWith("OTEL_EXPORTER_", StringComparison.Ordinal));
        Assert.DoesNotContain("OTEL_BSP_SCHEDULE_DELAY", environment.Keys);
    }

    [Fact]
    public void Passes_the_OTLP_exporter_and_development_settings_on()
    {
        var catalog = _models.Project("catalog");
        var runtime = Runtime(otlp: new OtlpSettings("http://localhost:4318", "http/protobuf", "x-otlp-api-key=abc"));

        var environment = ReplicaEnvironment.Build(catalog.Resource, 0, runtime);

        Assert.Equal("http://localhost:4318", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("x-otlp-api-key=abc", environment["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.Equal("1000", environment["OTEL_BLRP_SCHEDULE_DELAY"]);
        Assert.Equal("1000", environment["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.Equal("1000", environment["OTEL_METRIC_EXPORT_INTERVAL"]);
        Assert.Equal("always_on", environment["OTEL_TRACES_SAMPLER"]);
    }

    [Fact]
    public void Leaves_out_OTLP_headers_when_there_are_none()
    {
        var catalog = _models.Project("catalog");

        var environment = ReplicaEnvironment.Build(catalog.Resource, 0, Runtime(otlp: new OtlpSettings("http://localhost:4317", "grpc")));

        Assert.Equal("grpc", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_HEADERS", environment.Keys);
    }

    [Fact]
    public void Lets_a_static_variable_override_an_inferred_one()
    {
        var worker = _models.Executable("worker").WithHttpEndpoint(env: "PORT").WithEnvironment("PORT", "9999").WithEnvironment("OTEL_SERVICE_NAME", "custom");

        var environment = Build(worker.Resource, 0);

        Assert.Equal("9999", environment["PORT"]);
        Assert.Equal("custom", environment["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public void Lets_a_later_static_variable_win()
    {
        var worker = _models.Executable("worker").WithEnvironment("MODE", "a").WithEnvironment("MODE", "b");

        Assert.Equal("b", Build(worker.Resource, 0)["MODE"]);
    }

    [Fact]
    public void Runs_callbacks_last_with_the_replica_and_everything_computed_so_far()
    {
        var worker = _models.Executable("worker")
            .WithHttpEndpoint(env: "PORT")
            .WithReplicas(2)
            .WithEnvironment(ctx => ctx.Environment["SELF"] = $"{ctx.ReplicaIndex}:{ctx.Environment["PORT"]}:{ctx.Environment["MODE"]}")
            .WithEnvironment("MODE", "static");

        var environment = Build(worker.Resource, 1, new ScriptedPortSource(41000, 41001));

        Assert.Equal("1:41001:static", environment["SELF"]);
    }

    [Fact]
    public void Fails_clearly_when_an_endpoint_was_not_allocated()
    {
        var worker = _models.Executable("worker").WithHttpEndpoint(env: "PORT");
        var runtime = new ResourceRuntimeContext(_models.Root, new InMemorySecretStore(), new Dictionary<(string, string, int), AllocatedEndpoint>());

        var exception = Assert.Throws<InvalidOperationException>(() => ReplicaEnvironment.Build(worker.Resource, 0, runtime));

        Assert.Contains("'worker' has no endpoint 'http'", exception.Message);
    }

    private IReadOnlyDictionary<string, string> Build(IResource resource, int replica, ScriptedPortSource? ports = null) =>
        ReplicaEnvironment.Build(resource, replica, Runtime(ports));

    private ResourceRuntimeContext Runtime(ScriptedPortSource? ports = null, OtlpSettings? otlp = null) =>
        new(_models.Root, new InMemorySecretStore(), new EndpointAllocator(ports ?? new ScriptedPortSource()).Allocate(_models.Model), otlp);
}
