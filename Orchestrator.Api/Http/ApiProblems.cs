using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

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

    public static IResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON.", "Send the body as JSON, with Content-Type: application/json.");

    /// <summary>The problem for an answer that has a status but no body yet (no such route, a method the route does not take, a body routing refused).</summary>
    public static IResult ForStatus(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Response.StatusCode;
        var request = $"{context.Request.Method} {context.Request.Path}";
        return status switch
        {
            StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(),
            StatusCodes.Status404NotFound => Problem(status, "No such route.", $"There is no route for {request}; the routes are in /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => Problem(status, "Method not allowed.", $"The route does not take {request}; the routes are in /openapi/v1.json."),
            _ => Problem(status, ReasonPhrases.GetReasonPhrase(status), $"{request} answered {status}."),
        };
    }

    public static IResult Unavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "Not available now.", detail);

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
