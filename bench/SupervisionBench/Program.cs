// An AppHost for the supervision benchmark: N copies of a trivial HTTP service on ports
// BASE..BASE+N-1, each health-checked on /health every INTERVAL seconds (5 by default, the
// orchestrator's own default), with a restart ladder whose first rungs restart at once (delay 0),
// so that crash recovery measures the orchestrator, not a configured back-off.
// usage: SupervisionBench COUNT BASE_PORT SERVICE_PATH STATE_DIR [INTERVAL_SECONDS]
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Api;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: SupervisionBench COUNT BASE_PORT SERVICE_PATH STATE_DIR [INTERVAL_SECONDS]");
    return 2;
}

var count = int.Parse(args[0], CultureInfo.InvariantCulture);
var basePort = int.Parse(args[1], CultureInfo.InvariantCulture);
var service = Path.GetFullPath(args[2]);
var interval = TimeSpan.FromSeconds(args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 5);

var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    AppHostDirectory = Path.GetDirectoryName(service),
    StateDirectory = args[3],
}).AddOrchestrator(options => options.MaxConcurrency = 64);

// Per-start lines at Information would measure the console, not the supervisor.
builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

var zero = TimeSpan.Zero;
for (var i = 0; i < count; i++)
{
    var port = basePort + i;
    builder.AddExecutable($"svc-{i}", service, ".", port.ToString(CultureInfo.InvariantCulture))
        .WithHttpEndpoint(port: port)
        .WithHttpHealthCheck("/health")
        .WithHealthCheckOptions(interval: interval)
        .WithRestartPolicy(RestartPolicy.Always, o =>
        {
            // Every sample kills a different service, so only the first rung is used; all are 0 anyway.
            o.Tiers = [RestartTier.Immediate(zero, zero, zero), RestartTier.Quarantine()];
            o.MinUptime = TimeSpan.FromSeconds(1);
        });
}

await using var app = builder.Build();
await app.RunAsync();
return 0;
