using System.Text.Json;

namespace Storefront.Clients;

/// <summary>A service's answer passed on as it came: its status code and its JSON body (an order, or a problem).</summary>
public sealed record DownstreamReply(int StatusCode, JsonElement Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>Reads a response; a body that is empty or not JSON becomes <c>{"detail": text}</c>, so the caller always has JSON to pass on.</summary>
    public static async Task<DownstreamReply> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement body;
        try
        {
            body = JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException)
        {
            body = JsonSerializer.SerializeToElement(new { detail = text });
        }

        return new DownstreamReply((int)response.StatusCode, body);
    }
}
