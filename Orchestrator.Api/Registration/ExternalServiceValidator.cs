using System.Text.RegularExpressions;

namespace Orchestrator.Api.Registration;

/// <summary>
/// Checks a registration's fields, each problem under the field name a client sent (camelCase, as in
/// the JSON body: <c>endpoints[1].url</c>, <c>healthCheck.intervalSeconds</c>), so a 400 can name them.
/// Whether the name is free is the registry's question, not this one's.
/// </summary>
public static partial class ExternalServiceValidator
{
    /// <summary>The problems of <paramref name="registration"/>, by field; empty when it is valid.</summary>
    /// <param name="registration">What a client sent.</param>
    /// <param name="isKnownResource">True for a name the dependencies may refer to.</param>
    public static IReadOnlyDictionary<string, string[]> Validate(ExternalServiceRegistration registration, Func<string, bool> isKnownResource)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(isKnownResource);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var messages))
            {
                errors[field] = messages = [];
            }

            messages.Add(message);
        }

        // '$' also matches before a final newline: "api\n" must not pass.
        if (string.IsNullOrEmpty(registration.Name) || !NameRegex().IsMatch(registration.Name) || registration.Name.EndsWith('\n'))
        {
            Add("name", $"The name must match {RegistrationDefaults.NamePattern}: lower-case letters, digits and dashes, starting with a letter, 63 characters at most.");
        }

        if (!string.Equals(registration.Type, RegistrationDefaults.ExternalType, StringComparison.Ordinal))
        {
            Add("type", $"The type must be '{RegistrationDefaults.ExternalType}': only external services can be registered at run time.");
        }

        ValidateEndpoints(registration.Endpoints, Add);
        if (registration.HealthCheck is { } check)
        {
            ValidateHealthCheck(check, Add);
        }

        ValidateDependencies(registration, isKnownResource, Add);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static void ValidateEndpoints(IReadOnlyList<ExternalEndpoint>? endpoints, Action<string, string> add)
    {
        if (endpoints is null || endpoints.Count == 0)
        {
            add("endpoints", "At least one endpoint is needed.");
            return;
        }

        if (endpoints.Count > RegistrationDefaults.MaxEndpoints)
        {
            add("endpoints", $"At most {RegistrationDefaults.MaxEndpoints} endpoints can be registered, not {endpoints.Count}.");
            return;
        }

        for (var i = 0; i < endpoints.Count; i++)
        {
            if (endpoints[i] is not { } endpoint)
            {
                add($"endpoints[{i}]", "The endpoint is missing.");
                continue;
            }

            if (DescribeBadUrl(endpoint.Url) is { } problem)
            {
                add($"endpoints[{i}].url", problem);
            }

            if (endpoint.Weight < 1)
            {
                add($"endpoints[{i}].weight", $"The weight must be at least 1, not {endpoint.Weight}.");
            }
        }
    }

    private static string? DescribeBadUrl(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            return "The URL must be absolute: http://host:port or https://host:port.";
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return $"The URL must be http or https, not {url.Scheme}.";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            // URLs end up in logs and API answers; credentials in them would leak.
            return "The URL must not carry credentials.";
        }

        return string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)
            ? null
            : "The URL must not have a query or a fragment.";
    }

    private static void ValidateHealthCheck(ExternalHealthCheck check, Action<string, string> add)
    {
        if (string.IsNullOrEmpty(check.Path) || !check.Path.StartsWith('/') || check.Path.Contains('?') || check.Path.Contains('#'))
        {
            add("healthCheck.path", "The health path must start with '/' (for example /health) and have no query.");
        }

        if (check.Interval < RegistrationDefaults.MinimumHealthCheckInterval || check.Interval > RegistrationDefaults.MaximumHealthCheckDuration)
        {
            add("healthCheck.intervalSeconds",
                $"The interval must be between {RegistrationDefaults.MinimumHealthCheckInterval.TotalSeconds:0.###} s and one day, not {check.Interval.TotalSeconds:0.###} s.");
        }

        if (check.Timeout <= TimeSpan.Zero || check.Timeout > RegistrationDefaults.MaximumHealthCheckDuration)
        {
            add("healthCheck.timeoutSeconds", $"The timeout must be positive and at most one day, not {check.Timeout.TotalSeconds:0.###} s.");
        }
    }

    private static void ValidateDependencies(ExternalServiceRegistration registration, Func<string, bool> isKnownResource, Action<string, string> add)
    {
        var dependencies = registration.Dependencies ?? [];
        for (var i = 0; i < dependencies.Count; i++)
        {
            var dependency = dependencies[i];
            if (string.IsNullOrEmpty(dependency))
            {
                add($"dependencies[{i}]", "The dependency's name is empty.");
            }
            else if (dependency == registration.Name)
            {
                add($"dependencies[{i}]", $"'{dependency}' cannot depend on itself.");
            }
            else if (!isKnownResource(dependency))
            {
                add($"dependencies[{i}]", $"There is no resource '{dependency}'; register it first or remove the dependency.");
            }
        }
    }

    [GeneratedRegex(RegistrationDefaults.NamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();
}
