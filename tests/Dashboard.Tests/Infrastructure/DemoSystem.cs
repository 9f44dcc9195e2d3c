using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The demo AppHost (AppHost/), run as a real process with its own state directory, with the dashboard it
/// starts, and one headless Chromium: shared by every test of a class, since a launch costs a minute.
/// </summary>
public sealed partial class DemoSystem : IAsyncLifetime
{
    private static readonly string Configuration =
        typeof(DemoSystem).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromMinutes(6);

    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _loginUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _appHost;
    private IPlaywright? _playwright;

    public string StateDirectory { get; } = CreateStateDirectory();

    /// <summary>The login URL with the one-time token, as the AppHost printed it.</summary>
    public string LoginUrl { get; private set; } = string.Empty;

    /// <summary>The dashboard's base URL (the login URL without path and token).</summary>
    public string DashboardUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Everything the AppHost printed, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        var appHost = Path.Combine(RepositoryRoot, "AppHost", "bin", Configuration, "net10.0", "AppHost.dll");
        if (!File.Exists(appHost))
        {
            throw new FileNotFoundException($"Build the AppHost ({Configuration}) first: {appHost} is missing.", appHost);
        }

        var start = new ProcessStartInfo("dotnet", [appHost])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(appHost)!,
        };
        start.Environment["ORCHESTRATOR_STATE_DIR"] = StateDirectory;
        start.Environment["ORCHESTRATOR_API_PORT"] = "0";
        // The test project builds every project the demo runs (see the csproj), so the AppHost need not build again.
        start.Environment["ORCHESTRATOR_SKIP_PROJECT_BUILD"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        _appHost = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _appHost.OutputDataReceived += (_, e) => OnLine(e.Data);
        _appHost.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _appHost.BeginOutputReadLine();
        _appHost.BeginErrorReadLine();
        _appHost.EnableRaisingEvents = true;
        _appHost.Exited += (_, _) => _loginUrl.TrySetException(new InvalidOperationException($"The AppHost exited early:\n{Output}"));

        LoginUrl = await _loginUrl.Task.WaitAsync(LaunchTimeout).ConfigureAwait(false);
        DashboardUrl = new Uri(LoginUrl).GetLeftPart(UriPartial.Authority);

        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        }).ConfigureAwait(false);
    }

    /// <summary>A fresh browser context (no cookie yet) at 1280 px.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = DashboardUrl });

    /// <summary>A browser context that has logged in with the token.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> LoggedInAsync(int width = 1280, int height = 900)
    {
        var context = await NewContextAsync(width, height).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        await page.GotoAsync(LoginUrl).ConfigureAwait(false);
        return (context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        if (_appHost is { HasExited: false } host)
        {
            // Ctrl+C, as a person would: the AppHost stops every resource in order.
            using (var interrupt = Process.Start("kill", ["-INT", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync().ConfigureAwait(false);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await host.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                host.Kill(entireProcessTree: true);
            }
        }

        _appHost?.Dispose();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // PostgreSQL's files belong to its own user; the temp directory is cleaned by the system.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        var match = LoginLine().Match(line);
        if (match.Success)
        {
            _loginUrl.TrySetResult(match.Groups[1].Value);
        }
    }

    private static string CreateStateDirectory()
    {
        var path = Directory.CreateTempSubdirectory("dashboard-tests-").FullName;
        // PostgreSQL and Redis run as their own users and must reach their data directories inside.
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orchestrator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Orchestrator.sln not found above the test output.");
    }

    [GeneratedRegex(@"^Dashboard: (http://\S+/login\?t=\S+)$")]
    private static partial Regex LoginLine();
}
