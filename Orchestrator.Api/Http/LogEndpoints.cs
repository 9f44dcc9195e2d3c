using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Api.Http.Contracts;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Http;

/// <summary><c>GET /api/v1/resources/{name}/logs?replica=&amp;tail=100</c>: the latest output lines, oldest first.</summary>
internal static class LogEndpoints
{
    public const int DefaultTail = 100;
    public const int MaxTail = 10_000;

    public static void Map(IEndpointRouteBuilder viewer) =>
        viewer.MapGet("/resources/{name}/logs", Get).WithName("GetResourceLogs").WithTags("Resources")
            .Produces<LogsResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();

    private static IResult Get(
        string name,
        [FromQuery] string? replica,
        [FromQuery] string? tail,
        [FromServices] ResourceCatalog catalog,
        [FromServices] ResourceNotificationService notifications,
        [FromServices] ResourceExecutor executor)
    {
        if (ApiQuery.CheckName(name) is { } invalid)
        {
            return invalid;
        }

        var (lines, tailProblem) = ApiQuery.Integer(tail, "tail", 1, MaxTail, DefaultTail);
        if (tailProblem is not null)
        {
            return tailProblem;
        }

        if (catalog.Find(name) is null)
        {
            return ApiProblems.NotFound(name);
        }

        var replicas = notifications.GetSnapshots(name).Select(s => s.ReplicaName).ToList();
        if (!string.IsNullOrEmpty(replica))
        {
            // A replica by its name (catalog-1) or its index (1).
            var wanted = replicas.FirstOrDefault(r => r == replica || r == $"{name}-{replica}");
            if (wanted is null)
            {
                return ApiProblems.BadRequest("replica", $"'{name}' has no replica '{replica}'; it has {string.Join(", ", replicas)}.");
            }

            replicas = [wanted];
        }

        var entries = replicas
            .SelectMany(r => (executor.GetProcess(r)?.GetLogTail(lines) ?? [])
                .Select(l => new LogEntry(r, l.Timestamp, l.IsError ? "stderr" : "stdout", l.Text)))
            .OrderBy(l => l.Timestamp)
            .TakeLast(lines)
            .ToList();
        return TypedResults.Ok(new LogsResponse(name, entries));
    }
}
