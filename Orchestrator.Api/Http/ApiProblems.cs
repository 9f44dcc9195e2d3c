using Microsoft.AspNetCore.Http;

namespace Orchestrator.Api.Http;

/// <summary>The API's RFC 7807 answers, one per status it uses, so every error reads the same.</summary>
internal static class ApiProblems
{
    public static IResult BadRequest(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))),
            title: "The request is not valid.");

    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "An API key is required.", detail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "The key may not do this.", detail);

    public static IResult NotFound(string resource) =>
        Problem(StatusCodes.Status404NotFound, "No such resource.", $"There is no resource '{resource}'.");

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "That makes no sense in the resource's state.", detail);

    public static IResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"Request bodies may have at most {limit} bytes.");

    public static IResult Unavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "Not available now.", detail);

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
