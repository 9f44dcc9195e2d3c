using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Orchestrator.Api.CommandLine;

namespace Orchestrator.Api.Tests.CommandLine;

/// <summary>The API subcommands against a fake API on 127.0.0.1: what they print and the exit codes they return.</summary>
public sealed class ApiCommandTests : IAsyncLifetime
{
    private const string Key = "operator-key-for-tests";
    private const string Resource = """
        {"name":"catalog","type":"project","state":"Running","health":"Healthy","replicas":2,"healthyReplicas":2,"restartCount":3,
         "circuitState":"Closed","quarantined":false,"urls":["http://127.0.0.1:5001","http://127.0.0.1:5002"],"dependencies":["db"],"external":false,"phase":1}
        """;

    private FakeApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Status_of_a_healthy_system_exits_0_and_shows_the_verdict_resources_and_figures()
    {
        _server.Answer("GET", "/api/v1/status", 200, Status("Healthy"));

        var result = await RunAsync("status");

        Assert.Equal(CliExitCodes.Ok, result.ExitCode);
        var lines = result.Output.Split(Environment.NewLine);
        Assert.StartsWith("Status: Healthy   uptime 1h 01m", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("NAME     TYPE     STATE    HEALTH   REPLICAS  RESTARTS", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("catalog  project  Running  Healthy  2/2       3", StringComparison.Ordinal)
            && l.EndsWith("http://127.0.0.1:5001, http://127.0.0.1:5002", StringComparison.Ordinal));
        Assert.Contains("Health checks: 200 (4 failed, error rate 2 %), p50 3.5 ms, p99 12 ms; restarts 3", result.Output);
        Assert.Contains("Host: CPU 12.5 %, memory 50 % (4.0 GiB of 8.0 GiB)", result.Output);
    }

    [Theory]
    [InlineData("Degraded")]
    [InlineData("Unhealthy")]
    public async Task Status_that_is_not_healthy_exits_1_and_lists_the_errors(string verdict)
    {
        _server.Answer("GET", "/api/v1/status", 200, Status(verdict));

        var result = await RunAsync("status");

        Assert.Equal(CliExitCodes.Unhealthy, result.ExitCode);
        Assert.Contains($"Status: {verdict}", result.Output);
        Assert.Contains("Errors:" + Environment.NewLine + "  worker: exited with code 1", result.Output);
        Assert.Contains("Warnings:" + Environment.NewLine + "  disk at 91 %", result.Output);
    }

    [Fact]
    public async Task Json_prints_the_api_answer_as_is_and_keeps_the_exit_code()
    {
        var body = Status("Degraded");
        _server.Answer("GET", "/api/v1/status", 200, body);

        var result = await RunAsync("status", "--json");

        Assert.Equal(CliExitCodes.Unhealthy, result.ExitCode);
        Assert.Equal(body, result.Output.TrimEnd());
    }

    [Fact]
    public async Task The_key_goes_in_the_header_and_comes_from_the_operator_key_file_when_nothing_else_gives_one()
    {
        _server.Answer("GET", "/api/v1/resources", 200, $"[{Resource}]");
        var secrets = Directory.CreateTempSubdirectory("cli-secrets-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(secrets.FullName, "api-operator-key"), "key-from-file\n");

            var result = await CommandLineRun.InvokeAsync(["resources", "--type", "project"],
                environment: new Dictionary<string, string> { ["ORCHESTRATOR_API_URL"] = _server.BaseAddress.ToString() },
                secretsDirectory: secrets.FullName);

            Assert.Equal(CliExitCodes.Ok, result.ExitCode);
            var request = Assert.Single(_server.Requests);
            Assert.Equal(("/api/v1/resources", "?type=project", "key-from-file"), (request.Path, request.Query, request.ApiKey));
            Assert.Contains("catalog  project  Running", result.Output);
        }
        finally
        {
            secrets.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(400, CliExitCodes.Usage)]
    [InlineData(401, CliExitCodes.AuthRefused)]
    [InlineData(403, CliExitCodes.AuthRefused)]
    [InlineData(404, CliExitCodes.NotFound)]
    [InlineData(409, CliExitCodes.Conflict)]
    [InlineData(429, CliExitCodes.ServerError)]
    [InlineData(500, CliExitCodes.ServerError)]
    [InlineData(503, CliExitCodes.ServerError)]
    public async Task A_refused_command_exits_with_the_code_of_its_status_and_says_why_on_stderr(int status, int exitCode)
    {
        _server.Answer("POST", "/api/v1/resources/catalog/stop", status,
            $$"""{"title":"Refused","status":{{status}},"detail":"Resource 'catalog' said no."}""");

        var result = await RunAsync("stop", "catalog");

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.StartsWith($"error: Resource 'catalog' said no. (HTTP {status}).", result.Error);
    }

    [Fact]
    public async Task A_bad_request_names_the_fields_the_api_rejected()
    {
        _server.Answer("GET", "/api/v1/resources", 400,
            """{"title":"One or more validation errors occurred.","status":400,"errors":{"state":["'Sleeping' is not a state."]}}""");

        var result = await RunAsync("resources", "--state", "Sleeping");

        Assert.Equal(CliExitCodes.Usage, result.ExitCode);
        Assert.Contains("state: 'Sleeping' is not a state.", result.Error);
    }

    [Fact]
    public async Task A_refusal_under_json_also_prints_the_problem_body_for_scripts()
    {
        const string problem = """{"title":"Conflict","status":409,"detail":"'catalog' is already stopped."}""";
        _server.Answer("POST", "/api/v1/resources/catalog/stop", 409, problem);

        var result = await RunAsync("stop", "catalog", "--json");

        Assert.Equal(CliExitCodes.Conflict, result.ExitCode);
        Assert.Equal(problem, result.Output.TrimEnd());
    }

    [Fact]
    public async Task An_accepted_command_exits_0_and_says_so()
    {
        _server.Answer("POST", "/api/v1/resources/catalog/restart", 202, """{"resource":"catalog","command":"restart","status":"accepted"}""");

        var result = await RunAsync("restart", "catalog");

        Assert.Equal((CliExitCodes.Ok, "restart 'catalog': accepted"), (result.ExitCode, result.Output.TrimEnd()));
        Assert.Equal(Key, Assert.Single(_server.Requests).ApiKey);
    }

    [Fact]
    public async Task Without_a_key_a_401_says_where_keys_come_from()
    {
        _server.Answer("GET", "/api/v1/status", 401, """{"title":"Unauthorized","status":401}""");

        var result = await CommandLineRun.InvokeAsync(["status", "--url", _server.BaseAddress.ToString()]);

        Assert.Equal(CliExitCodes.AuthRefused, result.ExitCode);
        Assert.Contains("ORCHESTRATOR_API_KEY", result.Error);
        Assert.Equal(string.Empty, Assert.Single(_server.Requests).ApiKey);
    }

    [Fact]
    public async Task Nothing_listening_at_the_url_exits_3()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CommandLineRun.InvokeAsync(["status", "--url", $"http://127.0.0.1:{port}"]);

        Assert.Equal(CliExitCodes.Unreachable, result.ExitCode);
        Assert.StartsWith($"error: Cannot reach the orchestrator at http://127.0.0.1:{port}/", result.Error);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_is_a_server_error()
    {
        _server.Answer("GET", "/api/v1/status", 200, "<html>proxy</html>");

        var result = await RunAsync("status");

        Assert.Equal(CliExitCodes.ServerError, result.ExitCode);
    }

    [Fact]
    public async Task Logs_print_each_line_with_its_time_and_replica_and_pass_tail_and_replica_on()
    {
        _server.Answer("GET", "/api/v1/resources/catalog/logs", 200, """
            {"resource":"catalog","lines":[
              {"replica":"catalog-1","timestamp":"2026-12-06T06:00:01.250Z","stream":"stdout","text":"listening"},
              {"replica":"catalog-1","timestamp":"2026-12-06T06:00:02Z","stream":"stderr","text":"warn: slow"}]}
            """);

        var result = await RunAsync("logs", "catalog", "--replica", "catalog-1", "--tail", "2");

        Assert.Equal(CliExitCodes.Ok, result.ExitCode);
        Assert.Equal(["06:00:01.250 catalog-1 | listening", "06:00:02.000 catalog-1 [stderr] | warn: slow"],
            result.Output.TrimEnd().Split(Environment.NewLine));
        Assert.Equal("?replica=catalog-1&tail=2", Assert.Single(_server.Requests).Query);
    }

    [Fact]
    public async Task History_is_a_table_newest_first_with_resource_and_limit_passed_on()
    {
        _server.Answer("GET", "/api/v1/healing-history", 200, """
            [{"id":2,"timestamp":"2026-12-06T06:00:05Z","resource":"catalog","replica":"catalog-0","kind":"RestartScheduled","attempt":1,"tier":"Immediate","delayMs":1000},
             {"id":1,"timestamp":"2026-12-06T06:00:04Z","resource":"catalog","replica":"catalog-0","kind":"FailureDetected","message":"exited with code 137"}]
            """);

        var result = await RunAsync("history", "catalog", "--limit", "5");

        Assert.Equal(CliExitCodes.Ok, result.ExitCode);
        var lines = result.Output.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("TIME", lines[0]);
        Assert.Matches(@"^2026-12-06 06:00:05Z\s+catalog\s+catalog-0\s+RestartScheduled\s+1\s+Immediate\s+-\s+1 s\s+-$", lines[1]);
        Assert.EndsWith("exited with code 137", lines[2]);
        Assert.Equal("?resource=catalog&limit=5", Assert.Single(_server.Requests).Query);
    }

    [Theory]
    [InlineData("logs")]
    [InlineData("logs", "catalog", "--tail", "0")]
    [InlineData("history", "--limit", "1001")]
    [InlineData("status", "--no-such-option")]
    [InlineData("restart")]
    public async Task A_wrong_command_line_exits_2_without_calling_the_api(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(CliExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Empty(_server.Requests);
    }

    private Task<CommandLineResult> RunAsync(params string[] args) =>
        CommandLineRun.InvokeAsync([.. args, "--url", _server.BaseAddress.ToString(), "--api-key", Key]);

    private static string Status(string verdict) => JsonSerializer.Serialize(JsonDocument.Parse($$$"""
        {"status":"{{{verdict}}}","timestamp":"2026-12-06T06:00:00Z","uptimeSeconds":3700.4,
         "resources":[{{{Resource}}}],
         "errors":{{{(verdict == "Healthy" ? "[]" : """[{"resource":"worker","message":"exited with code 1"}]""")}}},
         "warnings":{{{(verdict == "Healthy" ? "[]" : """[{"message":"disk at 91 %"}]""")}}},
         "performance":{"healthCheckP50Ms":3.5,"healthCheckP99Ms":12,"healthChecks":200,"failedHealthChecks":4,"errorRate":0.02,"restarts":3},
         "host":{"cpuPercent":12.5,"memoryPercent":50,"memoryUsedBytes":4294967296,"memoryTotalBytes":8589934592,"diskPercent":91,
                 "diskUsedBytes":1000,"diskTotalBytes":2000,"thresholds":{"cpuPercent":80,"memoryPercent":80,"diskPercent":90} } }
        """).RootElement);
}
