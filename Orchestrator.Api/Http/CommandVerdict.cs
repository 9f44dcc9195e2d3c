using Microsoft.AspNetCore.Http;

namespace Orchestrator.Api.Http;

/// <summary>Whether a command may run now: null problem when it may, else the answer (409, 503).</summary>
/// <param name="Problem">The problem to answer, or null.</param>
internal sealed record CommandVerdict(IResult? Problem)
{
    public static CommandVerdict Allowed { get; } = new((IResult?)null);

    public bool IsAllowed => Problem is null;

    public static CommandVerdict Conflict(string detail) => new(ApiProblems.Conflict(detail));

    public static CommandVerdict Unavailable(string detail) => new(ApiProblems.Unavailable(detail));
}
