// An AppHost for the Native AOT end-to-end tests, published with PublishAot and run as its own executable.
// Its resources are the test service (AOT_TEST_SERVICE_DLL, run with dotnet): web (two replicas, restarted after a
// crash and counted as restarted once up for a second) and worker, which waits for web, references it and starts
// a grandchild (sleep) in its process group, which a stop must not leave behind. Like any AppHost, a subcommand
// as first argument (status, resources...) runs against the running instance instead of launching.
using Orchestrator.Api;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

// Run sets the process's exit code (a subcommand's), so Main returns nothing of its own.
var serviceDll = Environment.GetEnvironmentVariable("AOT_TEST_SERVICE_DLL") is { Length: > 0 } dll
    ? dll
    : throw new InvalidOperationException("Set AOT_TEST_SERVICE_DLL to the test service's TestService.dll.");

var builder = DistributedApplication.CreateBuilder(args).AddOrchestrator();

var web = builder.AddExecutable("web", "dotnet", ".", serviceDll, "--name", "web", "--print", "web says hello")
    .WithHttpEndpoint(env: "PORT")
    .WithHttpHealthCheck("/health")
    .WithReplicas(2)
    .WithRestartPolicy(RestartPolicy.Always, o => o.MinUptime = TimeSpan.FromSeconds(1));

builder.AddExecutable("worker", "bash", ".", "-c", $"sleep 1000 & exec dotnet '{serviceDll}' --name worker")
    .WithHttpEndpoint(env: "PORT")
    .WithHttpHealthCheck("/health")
    .WaitFor(web)
    .WithReference(web);

await builder.Build().RunAsync();
