// An AppHost for benchmarks: N copies of a trivial HTTP service on ports BASE..BASE+N-1, each
// health-checked on /health, so that "launched" means "answering", as for the peers' harness.
// usage: LaunchBench COUNT BASE_PORT SERVICE_PATH [STATE_DIR]
using System.Globalization;
using Orchestrator.Api;
using Orchestrator.Hosting;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: LaunchBench COUNT BASE_PORT SERVICE_PATH [STATE_DIR]");
    return 2;
}

var count = int.Parse(args[0], CultureInfo.InvariantCulture);
var basePort = int.Parse(args[1], CultureInfo.InvariantCulture);
var service = Path.GetFullPath(args[2]);
var stateDirectory = args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), $"launchbench-{Environment.ProcessId}");

var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    AppHostDirectory = Path.GetDirectoryName(service),
    StateDirectory = stateDirectory,
}).AddOrchestrator(options => options.MaxConcurrency = 64);

for (var i = 0; i < count; i++)
{
    var port = basePort + i;
    builder.AddExecutable($"svc-{i}", service, ".", port.ToString(CultureInfo.InvariantCulture))
        .WithHttpEndpoint(port: port)
        .WithHttpHealthCheck("/health");
}

await using var app = builder.Build();
await app.RunAsync();
return 0;
