using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Orchestrator.EndToEnd.Tests.Infrastructure;

namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>A real AppHost process prints where its API listens and where the keys are, never a key.</summary>
[Trait("Category", "Integration")]
public sealed partial class ApiAppHostOutputTests
{
    [Fact]
    public async Task The_app_host_prints_the_API_url_and_where_its_keys_are_but_never_a_key()
    {
        using var state = new TempDirectory();
        using var appHost = new Process
        {
            StartInfo = new("dotnet", [TestArtifacts.TestAppHostDll, state.Path, TestArtifacts.TestServiceDll, "1"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["ORCHESTRATOR_API_PORT"] = "0" },
            },
        };
        appHost.Start();
        try
        {
            var errors = appHost.StandardError.ReadToEndAsync();
            var output = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            string? line;
            while ((line = await appHost.StandardOutput.ReadLineAsync(timeout.Token)) is not null && line != "launched")
            {
                output.Add(line);
            }

            Assert.Equal("launched", line);
            var secrets = Path.Combine(state.Path, "secrets");
            var announced = output.Select(l => ApiLine().Match(l)).Single(m => m.Success);
            Assert.Equal($"{secrets}/api-*-key", announced.Groups["keys"].Value);
            var operatorKey = (await File.ReadAllTextAsync(Path.Combine(secrets, "api-operator-key"))).Trim();
            var viewerKey = (await File.ReadAllTextAsync(Path.Combine(secrets, "api-viewer-key"))).Trim();
            using var api = new ApiClient(new Uri(announced.Groups["url"].Value));
            using (var health = await api.GetAsync("/health"))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            Assert.Equal("svc-0", (await api.GetJsonAsync("/api/v1/resources/svc-0", viewerKey)).GetProperty("name").GetString());
            // The command line finds an API on a port of its own through this file.
            Assert.Equal(announced.Groups["url"].Value + "/", (await File.ReadAllTextAsync(Path.Combine(state.Path, "api-url"))).Trim());

            appHost.Kill(entireProcessTree: true);
            var everything = string.Join('\n', output) + await errors;
            Assert.DoesNotContain(operatorKey, everything);
            Assert.DoesNotContain(viewerKey, everything);
        }
        finally
        {
            if (!appHost.HasExited)
            {
                appHost.Kill(entireProcessTree: true);
            }
        }
    }

    [GeneratedRegex(@"Orchestrator API: (?<url>http://127\.0\.0\.1:\d+) \(keys in (?<keys>[^)]+)\)")]
    private static partial Regex ApiLine();
}
