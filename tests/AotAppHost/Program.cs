// An AppHost for the Native AOT end-to-end tests, published with PublishAot=true and run as its own executable.
// Its resources are the test service (AOT_TEST_SERVICE_DLL, run with dotnet): web (two replicas) and worker, which
// waits for web and references it. Like any AppHost, a subcommand as first argument (status, resources...) runs
// that command against the running instance instead of launching.
using Orchestrator.Api;
using Orchestrator.Hosting;

// Run sets the process's exit code (a subcommand's), so Main returns nothing of its own.
var serviceDll = Environment.GetEnvironmentVariable("AOT_TEST_SERVICE_DLL") is { Length: > 0 } dll
    ? dll
    : throw new InvalidOperationException("Set AOT_TEST_SERVICE_DLL to the test service's TestService.dll.");

var builder = DistributedApplication.CreateBuilder(args).AddOrchestrator();

var web = builder.AddExecutable("web", "dotnet", ".", serviceDll, "--name", "web", "--print", "web says hello")
    .WithHttpEndpoint(env: "PORT")
    .WithHttpHealthCheck("/health")
    .WithReplicas(2);

builder.AddExecutable("worker", "dotnet", ".", serviceDll, "--name", "worker")
    .WithHttpEndpoint(env: "PORT")
    .WithHttpHealthCheck("/health")
    .WaitFor(web)
    .WithReference(web);

await builder.Build().RunAsync();
