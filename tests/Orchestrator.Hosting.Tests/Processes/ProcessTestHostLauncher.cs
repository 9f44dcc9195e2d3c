using System.Diagnostics;
using System.Reflection;

namespace Orchestrator.Hosting.Tests.Processes;

/// <summary>Starts tests/ProcessTestHost, a tiny AppHost stand-in, as a separate process (see its Program.cs for the arguments).</summary>
internal static class ProcessTestHostLauncher
{
    /// <summary>Starts it with <paramref name="arguments"/>, its stdout redirected.</summary>
    /// <param name="arguments">The host's arguments.</param>
    /// <param name="ignoredSignals">Signals the host starts with ignored (as a background job of a script would), e.g. "INT QUIT".</param>
    public static Process Start(IEnumerable<string> arguments, string? ignoredSignals = null)
    {
        var hostDll = typeof(ProcessTestHostLauncher).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ProcessTestHostPath").Value!;
        Assert.True(File.Exists(hostDll), $"ProcessTestHost is built by the test project's build: {hostDll}");

        // Ignored signals survive exec: bash ignores them, then becomes the host.
        var info = new ProcessStartInfo(ignoredSignals is null ? DotnetHost() : "bash") { RedirectStandardOutput = true, UseShellExecute = false };
        if (ignoredSignals is not null)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add($"trap '' {ignoredSignals}; exec \"$@\"");
            info.ArgumentList.Add("test-host");
            info.ArgumentList.Add(DotnetHost());
        }

        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(hostDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
