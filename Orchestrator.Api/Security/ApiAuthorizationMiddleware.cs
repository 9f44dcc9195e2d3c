using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Orchestrator.Api.Http;

namespace Orchestrator.Api.Security;

/// <summary>Enforces each endpoint's <see cref="ApiRoleRequirement"/>: 401 without a valid key, 403 when the key's role is too low.</summary>
internal sealed class ApiAuthorizationMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var requirement = context.GetEndpoint()?.Metadata.GetMetadata<ApiRoleRequirement>();
        if (requirement is null)
        {
            return next(context);
        }

        var caller = context.Features.Get<ApiCaller>();
        if (caller?.Role is not { } role)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            var detail = caller?.PresentedKey == true
                ? "The API key is not valid."
                : $"An API key is required: send it as '{ApiKeyMiddleware.ApiKeyHeader}: <key>' or 'Authorization: Bearer <key>'.";
            return ApiProblems.Unauthorized(detail).ExecuteAsync(context);
        }

        if (role < requirement.Role)
        {
            return ApiProblems.Forbidden($"This needs the {requirement.Role.ToString().ToLowerInvariant()} key; the key sent is a {role.ToString().ToLowerInvariant()} key.")
                .ExecuteAsync(context);
        }

        return next(context);
    }
}
