using System.Globalization;

namespace Orchestrator.Api.CommandLine;

/// <summary>Where a running orchestrator's API is and the key to present to it.</summary>
/// <param name="BaseAddress">The API's base URL, e.g. <c>http://127.0.0.1:9000/</c>.</param>
/// <param name="ApiKey">The key, or null when none was found (the API then answers 401).</param>
public sealed record ApiConnection(Uri BaseAddress, string? ApiKey)
{
    /// <summary>The variable that holds the API's base URL.</summary>
    public const string UrlVariable = "ORCHESTRATOR_API_URL";

    /// <summary>The variable that holds the API's port when no URL is given.</summary>
    public const string PortVariable = "ORCHESTRATOR_API_PORT";

    /// <summary>The variable that holds the key.</summary>
    public const string KeyVariable = "ORCHESTRATOR_API_KEY";

    /// <summary>The operator key's file name in the secrets directory.</summary>
    public const string OperatorKeyFileName = "api-operator-key";

    /// <summary>The API's port when nothing says otherwise.</summary>
    public const int DefaultPort = 9000;

    /// <summary>The URL only: the key is a secret and stays out of every message and log.</summary>
    public override string ToString() => BaseAddress.ToString();

    /// <summary>
    /// Resolves the connection: the URL from <paramref name="url"/>, else <c>ORCHESTRATOR_API_URL</c>, else
    /// <c>http://127.0.0.1:{ORCHESTRATOR_API_PORT}</c>, else the URL a running AppHost wrote to <paramref name="apiUrlFile"/>, else
    /// <c>http://127.0.0.1:{the AppHost's configured Orchestrator:Api:Port, else 9000}</c>; the key from <paramref name="apiKey"/>, else
    /// <c>ORCHESTRATOR_API_KEY</c>, else the operator key file in <paramref name="secretsDirectory"/>.
    /// </summary>
    /// <exception cref="CommandLineException">The URL or port is malformed (a usage error).</exception>
    internal static ApiConnection Resolve(
        string? url, string? apiKey, Func<string, string?> environment, string? secretsDirectory, int? configuredPort = null, string? apiUrlFile = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new ApiConnection(ResolveBaseAddress(url, environment, configuredPort, apiUrlFile), ResolveKey(apiKey, environment, secretsDirectory));
    }

    private static Uri ResolveBaseAddress(string? url, Func<string, string?> environment, int? configuredPort, string? apiUrlFile)
    {
        var (text, source) = NonEmpty(url) is { } given
            ? (given, "--url")
            : NonEmpty(environment(UrlVariable)) is { } fromEnvironment
                ? (fromEnvironment, UrlVariable)
                : NonEmpty(environment(PortVariable)) is null && ReadUrlFile(apiUrlFile) is { } written
                    ? (written, apiUrlFile)
                    : (null, null);
        if (text is not null)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new CommandLineException(CliExitCodes.Usage, $"{source} '{text}' is not an http(s) URL, e.g. http://127.0.0.1:9000.");
            }

            // A base without a trailing slash would lose its last path segment when relative routes are resolved against it.
            return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
        }

        // Port 0 in the configuration means "any free port": only the AppHost's own log knows which.
        var port = configuredPort is > 0 and <= 65535 ? configuredPort.Value : DefaultPort;
        if (NonEmpty(environment(PortVariable)) is { } portText
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new CommandLineException(CliExitCodes.Usage, $"{PortVariable} '{portText}' is not a port (1-65535).");
        }

        return new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    private static string? ReadUrlFile(string? path)
    {
        try
        {
            return path is not null && File.Exists(path) ? NonEmpty(File.ReadAllText(path).Trim()) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ResolveKey(string? apiKey, Func<string, string?> environment, string? secretsDirectory)
    {
        if ((NonEmpty(apiKey) ?? NonEmpty(environment(KeyVariable))) is { } key)
        {
            return key;
        }

        if (secretsDirectory is null)
        {
            return null;
        }

        try
        {
            return NonEmpty(File.ReadAllText(Path.Combine(secretsDirectory, OperatorKeyFileName)).Trim());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No key file (the orchestrator never ran here, or runs as another user): the API will say 401.
            return null;
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
