using System.Diagnostics;
using System.Text.RegularExpressions;
using Orchestrator.EndToEnd.Tests.Infrastructure;

namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>
/// Publishes tests/AotAppHost with Native AOT (<c>dotnet publish -r linux-x64</c>, PublishAot set in the project) into a
/// directory of the test's own, with its own build output (<c>--artifacts-path</c>), so that it touches nothing the
/// solution's build wrote.
/// </summary>
internal static partial class NativePublish
{
    public const string ProjectName = "AotAppHost";

    private const int TailLines = 60;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Publishes into <paramref name="directory"/>; the result says where the executable is, or why there is none.</summary>
    public static async Task<NativePublishResult> PublishAsync(string directory)
    {
        if (FindCompiler() is not { } compiler)
        {
            return NativePublishResult.Failed(
                "Native AOT needs clang (or clang-NN) on the PATH, and zlib1g-dev: run scripts/install-prerequisites.sh.");
        }

        var project = Path.Combine(TestArtifacts.RepositoryRoot, "tests", ProjectName, ProjectName + ".csproj");
        var output = Path.Combine(directory, "publish");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestArtifacts.RepositoryRoot,
        };
        foreach (var argument in new[]
        {
            "publish", project, "-c", "Release", "-r", "linux-x64", $"-p:CppCompilerAndLinker={compiler}",
            "--artifacts-path", Path.Combine(directory, "artifacts"), "-o", output, "-nologo",
            // Nothing outlives the publish: no MSBuild node, no compiler server.
            "-nodeReuse:false", "-p:UseSharedCompilation=false",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        var lines = new List<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Append(lines, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return NativePublishResult.Failed($"dotnet publish of {ProjectName} did not finish within {Timeout}.\n{Tail(lines)}");
            }
        }

        // The asynchronous readers may still be delivering the last lines.
        process.WaitForExit();
        var executable = Path.Combine(output, ProjectName);
        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            return NativePublishResult.Failed(
                $"dotnet publish of {ProjectName} with Native AOT failed (exit {process.ExitCode}, compiler {compiler}).\n{Errors(lines)}Its last lines:\n{Tail(lines)}");
        }

        return new NativePublishResult(executable, null);
    }

    /// <summary><c>clang</c>, else the newest <c>clang-NN</c> on the PATH (Debian's clang-14 package alone has no <c>clang</c>).</summary>
    public static string? FindCompiler()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "clang*"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name == "clang" || VersionedClang().IsMatch(name))
            .Distinct()
            .ToList();
        return candidates.Contains("clang")
            ? "clang"
            : candidates.OrderByDescending(name => int.Parse(name["clang-".Length..], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
    }

    private static void Append(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    // The errors first (once each: MSBuild repeats them in its summary), since a long tail may not reach them.
    private static string Errors(List<string> lines)
    {
        lock (lines)
        {
            var errors = lines.Where(l => l.Contains(" error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().Take(TailLines).ToList();
            return errors.Count == 0 ? string.Empty : $"Its errors:\n{string.Join('\n', errors)}\n";
        }
    }

    private static string Tail(List<string> lines)
    {
        lock (lines)
        {
            return string.Join('\n', lines.TakeLast(TailLines));
        }
    }

    [GeneratedRegex(@"^clang-\d+$")]
    private static partial Regex VersionedClang();
}
