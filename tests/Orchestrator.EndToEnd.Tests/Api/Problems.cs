using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>Assertions on RFC 7807 answers.</summary>
internal static class Problems
{
    /// <summary>Asserts a problem-details answer with <paramref name="status"/>, and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        return body;
    }

    /// <summary>Asserts a 400 whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task<JsonElement> AssertBadRequestAsync(HttpResponseMessage response, string field)
    {
        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors do not name '{field}': {errors}");
        return body;
    }

    public static Task<JsonElement> ReadAsync(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>();
}
