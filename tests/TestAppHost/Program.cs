// usage: TestAppHost STATE_DIR SERVICE_DLL COUNT
// Starts COUNT test services (and, through them, a grandchild each: they are started by a shell that
// also runs `sleep`), prints "launched" once all are healthy, then runs until killed.
using System.Globalization;
using Orchestrator.Api;
using Microsoft.Extensions.Hosting;
using Orchestrator.Hosting;

var stateDirectory = args[0];
var serviceDll = args[1];
var count = int.Parse(args[2], CultureInfo.InvariantCulture);

var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    AppHostDirectory = stateDirectory,
    StateDirectory = stateDirectory,
}).AddOrchestrator();

for (var i = 0; i < count; i++)
{
    builder.AddExecutable($"svc-{i}", "bash", ".", "-c", $"sleep 1000 & exec dotnet '{serviceDll}'")
        .WithHttpEndpoint(env: "PORT")
        .WithHttpHealthCheck("/health");
}

await using var app = builder.Build();
await app.StartAsync();
Console.WriteLine("launched");
await app.WaitForShutdownAsync();
