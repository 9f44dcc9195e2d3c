using System.Diagnostics;
using System.Reflection;
using Orchestrator.EndToEnd.Tests.Infrastructure;

namespace Orchestrator.EndToEnd.Tests.CommandLine;

/// <summary>Runs the demo AppHost (built with these tests) as its own process: <c>dotnet AppHost.dll ARGS</c>.</summary>
internal static class AppHostProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string Dll
    {
        get
        {
            var configuration = typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(TestArtifacts.RepositoryRoot, "AppHost", "bin", configuration, "net10.0", "AppHost.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build AppHost first: {path} is missing.", path);
        }
    }

    public static async Task<CliResult> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return await RunAsync(start, $"dotnet AppHost.dll {string.Join(' ', args)}");
    }

    /// <summary>Runs <paramref name="start"/> (its output redirected) to its end, within a minute.</summary>
    public static async Task<CliResult> RunAsync(ProcessStartInfo start, string description)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{description} did not exit within {Timeout}.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}
