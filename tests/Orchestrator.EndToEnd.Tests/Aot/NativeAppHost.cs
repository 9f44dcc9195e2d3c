using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orchestrator.EndToEnd.Tests.Api;
using Orchestrator.EndToEnd.Tests.CommandLine;
using Orchestrator.EndToEnd.Tests.Infrastructure;

namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>
/// The published AppHost run as the native executable it is (never through <c>dotnet</c>), with its state in a directory
/// of its own and its API on a free port. Its output is kept for assertions and failure messages; disposing stops it
/// (SIGTERM, then SIGKILL) and removes the state.
/// </summary>
internal sealed partial class NativeAppHost : IAsyncDisposable
{
    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private const int OutputTailLines = 40;

    // The last line of the summary an AppHost prints once everything it launched is up.
    private const string RunningLine = "Press Ctrl+C to stop everything.";

    private readonly Process _process;
    private readonly TempDirectory _state;
    private readonly OutputCollector _output = new();

    private NativeAppHost(string executable, Process process, TempDirectory state)
    {
        Executable = executable;
        _process = process;
        _state = state;
    }

    public string Executable { get; }

    public int Pid => _process.Id;

    public int ExitCode => _process.ExitCode;

    public string StateDirectory => _state.Path;

    /// <summary>Everything it printed so far, stdout and stderr.</summary>
    public string Output => _output.Text;

    public ApiClient Api { get; private set; } = null!;

    public string OperatorKey { get; private set; } = string.Empty;

    public string ViewerKey { get; private set; } = string.Empty;

    /// <summary>Starts it and waits until it reports the application running; throws with its output when it does not.</summary>
    public static async Task<NativeAppHost> StartAsync(string executable)
    {
        var state = new TempDirectory();
        var start = CreateStartInfo(executable, state.Path, []);
        start.Environment["ORCHESTRATOR_API_PORT"] = "0";
        var process = new Process { StartInfo = start };
        var host = new NativeAppHost(executable, process, state);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host._output.WaitForAsync(t => t.Contains(RunningLine, StringComparison.Ordinal) || process.HasExited, LaunchTimeout);
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The native AppHost exited with {process.ExitCode} during its launch. Its output:\n{host.Output}");
            }

            var url = ApiLine().Match(host.Output) is { Success: true } match
                ? match.Groups["url"].Value
                : throw new InvalidOperationException($"The native AppHost announced no API. Its output:\n{host.Output}");
            host.Api = new ApiClient(new Uri(url));
            var secrets = Path.Combine(state.Path, "secrets");
            host.OperatorKey = (await File.ReadAllTextAsync(Path.Combine(secrets, "api-operator-key"))).Trim();
            host.ViewerKey = (await File.ReadAllTextAsync(Path.Combine(secrets, "api-viewer-key"))).Trim();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the executable once more with a subcommand (<c>status</c>, <c>resources --json</c>...) against this instance.</summary>
    public Task<CliResult> RunCommandAsync(params string[] args) =>
        AppHostProcess.RunAsync(CreateStartInfo(Executable, StateDirectory, args), $"{Executable} {string.Join(' ', args)}");

    /// <summary><c>GET</c> with the viewer key; a failure names the route and shows the AppHost's last lines (its exception).</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(path, ViewerKey);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw Xunit.Sdk.FailException.ForFailure($"GET {path}: {(int)response.StatusCode} {text}\n{OutputTail()}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>For a failure message: what it printed from its last logged failure on (an exception behind a 500), else its last lines.</summary>
    public string OutputTail()
    {
        var lines = Output.Split('\n');
        var lastFailure = Array.FindLastIndex(lines, l => l.StartsWith("fail: ", StringComparison.Ordinal));
        var shown = lastFailure >= 0 ? lines.Skip(lastFailure).Take(OutputTailLines) : lines.TakeLast(OutputTailLines);
        return "The AppHost printed:\n" + string.Join('\n', shown);
    }

    public void Signal(int signal) => PosixSignals.Send(Pid, signal);

    /// <summary>Waits for it to exit; false when it is still running at the deadline.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                Signal(PosixSignals.Terminate);
            }
            catch (InvalidOperationException)
            {
                // It exited in between.
            }

            if (!await WaitForExitAsync(StopTimeout))
            {
                // Its reaper then kills whatever its replicas' process groups still hold.
                _process.Kill();
                await WaitForExitAsync(StopTimeout);
            }
        }

        Api?.Dispose();
        _process.Dispose();
        _output.Dispose();
        _state.Dispose();
    }

    private static ProcessStartInfo CreateStartInfo(string executable, string stateDirectory, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = stateDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ORCHESTRATOR_STATE_DIR"] = stateDirectory;
        start.Environment["AOT_TEST_SERVICE_DLL"] = TestArtifacts.TestServiceDll;
        // The command line must find the instance the way a user's shell would: through the state directory.
        foreach (var inherited in new[] { "ORCHESTRATOR_API_URL", "ORCHESTRATOR_API_KEY", "ORCHESTRATOR_VIEWER_KEY", "OTEL_EXPORTER_OTLP_ENDPOINT", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL" })
        {
            start.Environment.Remove(inherited);
        }

        return start;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            _output.WriteLine(line);
        }
    }

    [GeneratedRegex(@"Orchestrator API: (?<url>http://127\.0\.0\.1:\d+) \(keys in ")]
    private static partial Regex ApiLine();
}
