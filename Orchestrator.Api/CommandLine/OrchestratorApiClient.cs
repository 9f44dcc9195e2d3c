using System.Net;
using System.Text.Json;

namespace Orchestrator.Api.CommandLine;

/// <summary>
/// The command line's HTTP client of a running orchestrator: every failure becomes a
/// <see cref="CommandLineException"/> with the exit code scripts rely on and a message a person can act on.
/// </summary>
internal sealed class OrchestratorApiClient : IDisposable
{
    /// <summary>The header that carries the key (never the query string, which ends up in logs).</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;

    public OrchestratorApiClient(ApiConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        _http = new HttpClient { BaseAddress = connection.BaseAddress, Timeout = RequestTimeout };
        if (connection.ApiKey is { } key)
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation(ApiKeyHeader, key);
        }
    }

    public ApiConnection Connection { get; }

    /// <summary>GETs <paramref name="path"/> (relative to the base URL) and returns its JSON.</summary>
    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, cancellationToken);

    /// <summary>POSTs an empty body to <paramref name="path"/> and returns the answer's JSON.</summary>
    public Task<ApiAnswer> PostAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<ApiAnswer> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex.Message, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable($"no answer within {RequestTimeout.TotalSeconds:0} s", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw Refused(response.StatusCode, body);
            }

            try
            {
                using var document = JsonDocument.Parse(body.Length == 0 ? "null" : body);
                return new ApiAnswer(body, document.RootElement.Clone());
            }
            catch (JsonException ex)
            {
                throw new CommandLineException(CliExitCodes.ServerError,
                    $"The orchestrator at {Connection} answered {method} {path} with something that is not JSON: {ex.Message}", body, ex);
            }
        }
    }

    private CommandLineException Unreachable(string reason, Exception inner) =>
        new(CliExitCodes.Unreachable,
            $"Cannot reach the orchestrator at {Connection} ({reason}). Is the AppHost running? " +
            $"Pass --url or set {ApiConnection.UrlVariable} (or {ApiConnection.PortVariable}).",
            innerException: inner);

    private CommandLineException Refused(HttpStatusCode status, string body)
    {
        var code = (int)status;
        var detail = ProblemText(body) ?? status.ToString();
        var hint = status switch
        {
            HttpStatusCode.Unauthorized when Connection.ApiKey is null =>
                $" No key was found: pass --api-key, set {ApiConnection.KeyVariable}, or run from the AppHost whose state directory holds secrets/{ApiConnection.OperatorKeyFileName}.",
            HttpStatusCode.Unauthorized => " The key was refused: it is not this orchestrator's.",
            HttpStatusCode.Forbidden => " The key is a viewer key; commands need the operator key.",
            _ => string.Empty,
        };
        return new CommandLineException(CliExitCodes.FromHttpStatus(code), $"{detail} (HTTP {code}).{hint}", body);
    }

    // Problem details (RFC 7807): the detail says what went wrong with this request, the title what kind of error it is.
    private static string? ProblemText(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var root = document.RootElement;
            var text = root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String
                ? detail.GetString()
                : root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var fields = errors.EnumerateObject().Select(e => e.Value.ValueKind == JsonValueKind.Array
                    ? $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(m => m.ToString()))}"
                    : $"{e.Name}: {e.Value}");
                text = $"{text} {string.Join("; ", fields)}".Trim();
            }

            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
