// A service for the end-to-end tests. Its behaviour comes from the command line:
//   --name NAME            the name it prints and stamps (default: OTEL_SERVICE_NAME)
//   --stamp-file PATH      appends "NAME started|ready UNIX_MS" lines, so tests can check the order of events
//   --ready-after-ms N     /health answers 503 until N ms after start
//   --exit-after-ms N      exits with --exit-code after N ms (a crash during launch or later)
//   --exit-code C          the exit code for --exit-after-ms (default 1)
//   --hang-health          /health never answers (a hung service)
//   --hang-health-after-ms N  /health stops answering N ms after its first healthy answer (a service that hangs later; its
//                          port stays open); counted from that answer, not from the start, so a slow start on a busy
//                          machine never makes it hang before it was ever healthy
//   --exit-when-down VAR   polls the URL in environment variable VAR (GET /health) every 100 ms and exits with
//                          --exit-code once it cannot connect (a service that dies with its dependency)
//   --print TEXT           prints TEXT to stdout at start
//   --ignore-sigterm       ignores SIGTERM, so that only SIGKILL stops it
// It listens on ASPNETCORE_URLS, or on PORT when that is set.
using System.Globalization;
using System.Runtime.InteropServices;

var options = ServiceOptions.Parse(args);
var startedAt = DateTimeOffset.UtcNow;
var name = options.Name ?? Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") ?? "test-service";

Stamp("started");
if (options.Print is { } text)
{
    Console.WriteLine(text);
}

using var ignoreTerm = options.IgnoreSigterm
    ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        Console.WriteLine($"{name} ignores SIGTERM");
        context.Cancel = true;
    })
    : null;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
if (Environment.GetEnvironmentVariable("PORT") is { Length: > 0 } port)
{
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
}

if (options.IgnoreSigterm)
{
    // The host's own lifetime would turn SIGTERM into a graceful shutdown.
    builder.Services.AddSingleton<IHostLifetime, SignalDeafLifetime>();
}

var app = builder.Build();
var readyStamped = 0;
var firstHealthyTicks = 0L;
app.MapGet("/health", async (CancellationToken ct) =>
{
    var firstHealthy = Interlocked.Read(ref firstHealthyTicks);
    if (options.HangHealth || (options.HangHealthAfterMs is { } hangAfter && firstHealthy != 0
        && DateTimeOffset.UtcNow - new DateTimeOffset(firstHealthy, TimeSpan.Zero) >= TimeSpan.FromMilliseconds(hangAfter)))
    {
        await Task.Delay(Timeout.Infinite, ct);
    }

    if (DateTimeOffset.UtcNow - startedAt < TimeSpan.FromMilliseconds(options.ReadyAfterMs))
    {
        return Results.StatusCode(503);
    }

    if (Interlocked.Exchange(ref readyStamped, 1) == 0)
    {
        Interlocked.Exchange(ref firstHealthyTicks, DateTimeOffset.UtcNow.UtcTicks);
        Stamp("ready");
    }

    return Results.Text($"ok pid={Environment.ProcessId}");
});
app.MapGet("/env/{variable}", (string variable) => Results.Text(Environment.GetEnvironmentVariable(variable) ?? string.Empty));

if (options.ExitAfterMs is { } exitAfter)
{
    _ = Task.Delay(exitAfter).ContinueWith(_ =>
    {
        Console.Error.WriteLine($"{name} exiting with code {options.ExitCode}");
        Environment.Exit(options.ExitCode);
    }, TaskScheduler.Default);
}

if (options.ExitWhenDown is { } variable && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } dependencyUrl)
{
    _ = Task.Run(async () =>
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            await Task.Delay(100);
            try
            {
                using var _ = await http.GetAsync($"{dependencyUrl.TrimEnd('/')}/health");
            }
            catch (HttpRequestException ex)
            {
                Console.Error.WriteLine($"{name} lost its dependency at {dependencyUrl} ({ex.Message}); exiting with code {options.ExitCode}");
                Environment.Exit(options.ExitCode);
            }
        }
    });
}

Console.WriteLine($"{name} listening (pid {Environment.ProcessId})");
app.Run();

void Stamp(string what)
{
    if (options.StampFile is { } file)
    {
        File.AppendAllText(file, $"{name} {what} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}\n");
    }
}

internal sealed record ServiceOptions(
    string? Name, string? StampFile, int ReadyAfterMs, int? ExitAfterMs, int ExitCode, bool HangHealth, string? Print, int? HangHealthAfterMs, string? ExitWhenDown, bool IgnoreSigterm)
{
    public static ServiceOptions Parse(string[] args)
    {
        string? Value(string flag) => args.SkipWhile(a => a != flag).Skip(1).FirstOrDefault();
        int? Number(string flag) => Value(flag) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        return new ServiceOptions(
            Value("--name"),
            Value("--stamp-file"),
            Number("--ready-after-ms") ?? 0,
            Number("--exit-after-ms"),
            Number("--exit-code") ?? 1,
            args.Contains("--hang-health"),
            Value("--print"),
            Number("--hang-health-after-ms"),
            Value("--exit-when-down"),
            args.Contains("--ignore-sigterm"));
    }
}

/// <summary>A host lifetime that listens to no signal, for --ignore-sigterm.</summary>
internal sealed class SignalDeafLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
