using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Orchestrator.Api.Http;

/// <summary>
/// Reads a JSON request body with the API's own answers for what can go wrong: 413 above the size limit, 415
/// for a body that is not JSON, 400 naming the field for malformed JSON or a wrong type. The framework's
/// binding would log and drop those.
/// </summary>
internal sealed class JsonBodyReader(OrchestratorApiOptions options)
{
    public const string BodyField = "body";

    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer instead.</summary>
    public async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.UnsupportedMediaType());
        }

        var (body, tooLarge) = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (tooLarge is not null)
        {
            return (null, tooLarge);
        }

        if (body.Length == 0)
        {
            return (null, ApiProblems.BadRequest(BodyField, "A JSON body is required."));
        }

        try
        {
            var value = JsonSerializer.Deserialize(body, ApiJson.RequestTypeInfo<T>());
            return value is null ? (null, ApiProblems.BadRequest(BodyField, "The body must be a JSON object, not null.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            var message = field == BodyField
                ? "The body is not valid JSON."
                : $"'{field}' has the wrong type or is not valid JSON.";
            return (null, ApiProblems.BadRequest(field, message));
        }
    }

    /// <summary>
    /// Null when the request has no body, an empty one or an empty JSON object (<c>{}</c>), as a route that takes
    /// none expects; else the problem: 415 for a body that is not JSON, 400 for JSON with anything in it.
    /// </summary>
    public async Task<IResult?> CheckNoBodyAsync(HttpRequest request, string route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return null;
        }

        var (body, tooLarge) = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (tooLarge is not null || body.Length == 0)
        {
            return tooLarge;
        }

        if (!request.HasJsonContentType())
        {
            return ApiProblems.UnsupportedMediaType();
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root && !root.EnumerateObject().Any()
                ? null
                : ApiProblems.BadRequest(BodyField, $"{route} takes no body: send none, or {{}}.");
        }
        catch (JsonException)
        {
            return ApiProblems.BadRequest(BodyField, "The body is not valid JSON.");
        }
    }

    private async Task<(byte[] Body, IResult? TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return ([], ApiProblems.TooLarge(limit));
        }

        try
        {
            return await ReadLimitedAsync(request.Body, limit, cancellationToken).ConfigureAwait(false) is { } body
                ? (body, null)
                : ([], ApiProblems.TooLarge(limit));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ([], ApiProblems.TooLarge(limit));
        }
    }

    // "$.endpoints[0].weight" -> "endpoints[0].weight"; the root -> "body".
    private static string FieldOf(string? path) =>
        path is null or "$" ? BodyField : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
