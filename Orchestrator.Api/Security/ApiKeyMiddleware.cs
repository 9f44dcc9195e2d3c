using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Orchestrator.Api.Security;

/// <summary>
/// Reads the key of each request (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>, never the query string),
/// and records who is calling as an <see cref="ApiCaller"/> feature. It rejects nothing: the rate limiter
/// counts the caller first, then <see cref="ApiAuthorizationMiddleware"/> decides.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyValidator validator)
{
    /// <summary>The API key header.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    private const string BearerPrefix = "Bearer ";

    public Task InvokeAsync(HttpContext context)
    {
        var key = ReadKey(context.Request);
        var role = validator.Authenticate(key);
        // A valid key is its own client; anything else is counted by address, so made-up keys buy no fresh buckets.
        var partition = role is { } known ? $"key:{known}" : $"address:{context.Connection.RemoteIpAddress}";
        context.Features.Set(new ApiCaller(role, key is not null, partition));
        return next(context);
    }

    private static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeyHeader, out var apiKey) && apiKey.Count > 0 && !string.IsNullOrEmpty(apiKey[0]))
        {
            return apiKey[0]!.Trim();
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > BearerPrefix.Length
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }
}
