using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Configuration;

namespace Orchestrator.Api.Http;

/// <summary>Reads <see cref="OrchestratorApiOptions"/> from configuration and applies the environment overrides.</summary>
public static class OrchestratorApiOptionsReader
{
    /// <summary>The options in <paramref name="configuration"/>, with the environment overrides applied.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range; the message names it.</exception>
    public static OrchestratorApiOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(OrchestratorApiDefaults.SectionName);
        var defaults = new OrchestratorApiOptions();
        var options = new OrchestratorApiOptions
        {
            Enabled = Setting(section, nameof(OrchestratorApiOptions.Enabled), defaults.Enabled, bool.TryParse),
            Address = section[nameof(OrchestratorApiOptions.Address)] ?? defaults.Address,
            Port = Setting(section, nameof(OrchestratorApiOptions.Port), defaults.Port, TryParseInvariant),
            PortConfigured = section[nameof(OrchestratorApiOptions.Port)] is { Length: > 0 },
            OperatorKey = section[nameof(OrchestratorApiOptions.OperatorKey)],
            ViewerKey = section[nameof(OrchestratorApiOptions.ViewerKey)],
            PermitPerSecond = Setting(section, nameof(OrchestratorApiOptions.PermitPerSecond), defaults.PermitPerSecond, TryParseInvariant),
            Burst = Setting(section, nameof(OrchestratorApiOptions.Burst), defaults.Burst, TryParseInvariant),
            MaxRequestBodyBytes = Setting(section, nameof(OrchestratorApiOptions.MaxRequestBodyBytes), defaults.MaxRequestBodyBytes, TryParseInvariant),
        };
        if (configuration[OrchestratorApiDefaults.PortVariable] is { Length: > 0 } port)
        {
            options = options with
            {
                Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
                    : throw new InvalidOperationException($"{OrchestratorApiDefaults.PortVariable}='{port}' is not a port number (0-65535)."),
                PortConfigured = true,
            };
        }

        if (configuration[OrchestratorApiDefaults.OperatorKeyVariable] is { Length: > 0 } operatorKey)
        {
            options = options with { OperatorKey = operatorKey };
        }

        if (configuration[OrchestratorApiDefaults.ViewerKeyVariable] is { Length: > 0 } viewerKey)
        {
            options = options with { ViewerKey = viewerKey };
        }

        Validate(options);
        return options;
    }

    private delegate bool Parser<T>(string text, out T value);

    // Read key by key rather than through ConfigurationBinder: its reflection does not survive Native AOT, and its
    // source generator skips init-only properties.
    private static T Setting<T>(IConfigurationSection section, string key, T fallback, Parser<T> parse) =>
        section[key] is not { Length: > 0 } text ? fallback
        : parse(text, out var value) ? value
        : throw new InvalidOperationException($"{section.Path}:{key}='{text}' is not a valid {typeof(T).Name}.");

    private static bool TryParseInvariant<T>(string text, out T value) where T : IBinaryInteger<T> =>
        T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value!);

    private static void Validate(OrchestratorApiOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Orchestrator:Api:Port is {options.Port}; use 0-65535 (0 takes a free port).");
        }

        if (!System.Net.IPAddress.TryParse(options.Address, out _) && options.Address != "localhost")
        {
            throw new InvalidOperationException($"Orchestrator:Api:Address '{options.Address}' is not an IP address.");
        }

        if (options.PermitPerSecond < 1 || options.Burst < 1)
        {
            throw new InvalidOperationException("Orchestrator:Api:PermitPerSecond and Burst must be at least 1.");
        }

        if (options.MaxRequestBodyBytes < 1)
        {
            throw new InvalidOperationException("Orchestrator:Api:MaxRequestBodyBytes must be at least 1.");
        }
    }
}
