// An AppHost for the API benchmark: the orchestrator with its control API (which brings the load balancer
// and the registry of external services), and no model resources: bench/api/run_api.py registers them at run time.
// The port and operator key come from ORCHESTRATOR_API_PORT and ORCHESTRATOR_API_KEY.
// usage: ApiBench STATE_DIR
using Orchestrator.Api;
using Orchestrator.Hosting;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: ApiBench STATE_DIR");
    return 2;
}

var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    AppHostDirectory = args[0],
    StateDirectory = args[0],
}).AddOrchestrator();

// One benchmark client sends tens of thousands of requests a second: the per-client limit would measure itself.
builder.Configuration["Orchestrator:Api:PermitPerSecond"] = "10000000";
builder.Configuration["Orchestrator:Api:Burst"] = "10000000";

await using var app = builder.Build();
await app.RunAsync();
return 0;
