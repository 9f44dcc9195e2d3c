using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Http.Contracts;

namespace Orchestrator.Api.Http;

/// <summary><c>GET /api/v1/healing-history?resource=&amp;since=&amp;limit=100</c>: newest first.</summary>
internal static class HealingHistoryEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void Map(IEndpointRouteBuilder viewer) =>
        viewer.MapGet("/healing-history", GetAsync).WithName("GetHealingHistory").WithTags("Healing")
            .Produces<IReadOnlyList<HealingHistoryEntry>>().ProducesValidationProblem();

    private static async Task<IResult> GetAsync(
        [FromQuery] string? resource,
        [FromQuery] string? since,
        [FromQuery] string? limit,
        [FromServices] Healer healer,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(resource) && ApiQuery.CheckName(resource, "resource") is { } invalid)
        {
            return invalid;
        }

        var (from, sinceProblem) = ApiQuery.Time(since, "since");
        if (sinceProblem is not null)
        {
            return sinceProblem;
        }

        var (count, limitProblem) = ApiQuery.Integer(limit, "limit", 1, MaxLimit, DefaultLimit);
        if (limitProblem is not null)
        {
            return limitProblem;
        }

        var records = await healer.Journal.QueryAsync(new HealingQuery(string.IsNullOrEmpty(resource) ? null : resource, from, null, count),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(records.Select(r => new HealingHistoryEntry(
            r.Id, r.Timestamp, r.Resource, r.Replica, r.Kind.ToString(), r.Attempt, r.Tier, r.Action?.ToString(),
            r.Delay?.TotalMilliseconds, r.Message)).ToList());
    }
}
