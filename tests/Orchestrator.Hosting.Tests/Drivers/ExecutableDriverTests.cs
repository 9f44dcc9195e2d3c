using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Health;

namespace Orchestrator.Hosting.Tests.Drivers;

public sealed class ExecutableDriverTests : IDisposable
{
    private readonly HttpHealthCheckProbeFactory _probes = new(TimeProvider.System);
    private readonly ExecutableDriver _driver;

    public ExecutableDriverTests() => _driver = new ExecutableDriver(_probes);

    public void Dispose() => _probes.Dispose();

    [Fact]
    public void Runs_the_command_with_every_argument_in_order_in_its_working_directory()
    {
        var worker = new ExecutableResource("worker", "python3", "/srv/worker");
        worker.Annotations.Add(new CommandLineArgsAnnotation(["main.py", "--queue"]));
        worker.Annotations.Add(new CommandLineArgsAnnotation(["orders"]));

        var spec = _driver.CreateProcessSpec(Replica(worker, 0))!;

        Assert.Equal("python3", spec.FileName);
        Assert.Equal(["main.py", "--queue", "orders"], spec.Arguments);
        Assert.Equal("/srv/worker", spec.WorkingDirectory);
        Assert.Equal("worker-0", spec.ReplicaName);
    }

    [Theory]
    [InlineData("./bin/worker", "/srv/app/bin/worker")]
    [InlineData("../tools/worker", "/srv/tools/worker")]
    [InlineData("/opt/worker", "/opt/worker")]
    [InlineData("worker", "worker")]
    public void Resolves_a_relative_command_against_the_working_directory_and_leaves_bare_names_to_PATH(string command, string expected)
    {
        var worker = new ExecutableResource("worker", command, "/srv/app");

        var spec = _driver.CreateProcessSpec(Replica(worker, 0))!;

        Assert.Equal(expected, spec.FileName);
    }

    [Fact]
    public void Writes_each_replica_log_to_its_own_file_in_the_log_directory()
    {
        var worker = new ExecutableResource("worker", "./worker", "/srv");

        var spec = _driver.CreateProcessSpec(Replica(worker, 1))!;

        Assert.Equal(Path.Combine("/state", "logs", "worker-1.log"), spec.LogFilePath);
    }

    [Fact]
    public void Has_no_health_probe_without_an_http_health_check()
    {
        var worker = new ExecutableResource("worker", "./worker", "/srv");
        worker.Annotations.Add(new EndpointAnnotation("http", "http"));

        Assert.Null(_driver.CreateHealthProbe(Replica(worker, 0, ("http", 5000))));
    }

    [Fact]
    public void Probes_the_first_http_endpoint_of_the_same_replica()
    {
        var api = WithEndpoints(new HttpHealthCheckAnnotation("/healthz"));

        var probe = _driver.CreateHealthProbe(Replica(api, 1, ("grpc", 7001), ("http", 5001), ("admin", 9001)));

        Assert.Equal("GET http://127.0.0.1:5001/healthz", probe!.Description);
    }

    [Fact]
    public void Probes_the_named_endpoint_when_the_health_check_names_one()
    {
        var api = WithEndpoints(new HttpHealthCheckAnnotation("/healthz", EndpointName: "admin"));

        var probe = _driver.CreateHealthProbe(Replica(api, 0, ("grpc", 7000), ("http", 5000), ("admin", 9000)));

        Assert.Equal("GET http://127.0.0.1:9000/healthz", probe!.Description);
    }

    [Fact]
    public void Names_the_missing_endpoint_when_the_health_check_names_one_the_resource_lacks()
    {
        var api = WithEndpoints(new HttpHealthCheckAnnotation("/healthz", EndpointName: "metrics"));

        var error = Assert.Throws<InvalidOperationException>(() => _driver.CreateHealthProbe(Replica(api, 0, ("grpc", 7000), ("http", 5000), ("admin", 9000))));

        Assert.Contains("'api'", error.Message);
        Assert.Contains("'metrics'", error.Message);
    }

    [Fact]
    public void Gives_the_readiness_probe_the_timeout_of_the_health_check_options()
    {
        var api = WithEndpoints(new HttpHealthCheckAnnotation("/health"));
        var defaultProbe = (HttpHealthProbe)_driver.CreateHealthProbe(Replica(api, 0, ("grpc", 7000), ("http", 5000), ("admin", 9000)))!;
        api.Annotations.Add(new HealthCheckOptionsAnnotation(Timeout: TimeSpan.FromSeconds(7)));

        var probe = (HttpHealthProbe)_driver.CreateHealthProbe(Replica(api, 0, ("grpc", 7000), ("http", 5000), ("admin", 9000)))!;

        Assert.Equal(HealthProbeDefaults.Timeout, defaultProbe.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(7), probe.Timeout);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Probes_a_real_process_it_describes()
    {
        var port = TestRuntime.FreePort();
        var server = new ExecutableResource("files", "python3", Path.GetTempPath());
        server.Annotations.Add(new CommandLineArgsAnnotation(["-m", "http.server", "--bind", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        server.Annotations.Add(new EndpointAnnotation("http", "http"));
        server.Annotations.Add(new HttpHealthCheckAnnotation("/"));
        var replica = Replica(server, 0, ("http", port));

        await using var process = TestProcessLauncher.Start(_driver.CreateProcessSpec(replica)!);
        var result = await HealthWait.UntilHealthyAsync(_driver.CreateHealthProbe(replica)!, process);

        Assert.True(result.IsHealthy);
    }

    private static ExecutableResource WithEndpoints(HttpHealthCheckAnnotation check)
    {
        var api = new ExecutableResource("api", "./api", "/srv");
        api.Annotations.Add(new EndpointAnnotation("grpc", "tcp"));
        api.Annotations.Add(new EndpointAnnotation("http", "http"));
        api.Annotations.Add(new EndpointAnnotation("admin", "http"));
        api.Annotations.Add(check);
        return api;
    }

    private static ReplicaContext Replica(IResource resource, int index, params (string Name, int Port)[] endpoints)
    {
        var all = endpoints.ToDictionary(
            e => (resource.Name, e.Name, index),
            e => new AllocatedEndpoint(e.Name, resource.GetEndpoints().Single(a => a.Name == e.Name).Scheme, "127.0.0.1", e.Port));
        return new ReplicaContext(resource, index, new ResourceRuntimeContext("/state", new Secrets.FileSecretStore("/state/secrets"), all));
    }
}
