using Orchestrator.Api.Http.Contracts;
using Orchestrator.Api.Registration;

namespace Orchestrator.Api.Http;

/// <summary>Checks a registration request field by field and turns it into an <see cref="ExternalServiceRegistration"/>.</summary>
internal static class RegistrationValidator
{
    private static readonly ExternalHealthCheck DefaultHealthCheck = new("/health", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2));

    /// <summary>The registration, or the errors by field name (for a 400).</summary>
    public static (ExternalServiceRegistration? Registration, Dictionary<string, string[]> Errors) Validate(
        RegistrationRequest request, Func<string, bool> resourceExists)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        if (!ApiQuery.IsValidName(request.Name))
        {
            Error("name", "A name is required: 1-63 lowercase letters, digits and '-', starting with a letter.");
        }

        if (request.Type is { } type && type != ResourceCatalog.ExternalType)
        {
            Error("type", "Only 'external' services can be registered.");
        }

        if (request.Weight is < 1)
        {
            Error("weight", "'weight' must be at least 1.");
        }

        var endpoints = new List<ExternalEndpoint>();
        if (request.Endpoints is not { Count: > 0 })
        {
            Error("endpoints", "At least one endpoint is required.");
        }
        else
        {
            for (var i = 0; i < request.Endpoints.Count; i++)
            {
                var endpoint = request.Endpoints[i];
                if (endpoint is null || !Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                {
                    Error($"endpoints[{i}].url", "An absolute http:// or https:// URL is required.");
                    continue;
                }

                if (endpoint.Weight is < 1)
                {
                    Error($"endpoints[{i}].weight", "'weight' must be at least 1.");
                    continue;
                }

                endpoints.Add(new ExternalEndpoint(url, endpoint.Weight ?? request.Weight ?? 1));
            }
        }

        var healthCheck = DefaultHealthCheck;
        if (request.HealthCheck is { } check)
        {
            if (check.Path is { } path && !path.StartsWith('/'))
            {
                Error("healthCheck.path", "The path must start with '/'.");
            }

            if (check.IntervalSeconds is <= 0 or > 3600)
            {
                Error("healthCheck.intervalSeconds", "The interval must be more than 0 and at most 3600 seconds.");
            }

            if (check.TimeoutSeconds is <= 0 or > 600)
            {
                Error("healthCheck.timeoutSeconds", "The timeout must be more than 0 and at most 600 seconds.");
            }

            healthCheck = new ExternalHealthCheck(
                check.Path ?? DefaultHealthCheck.Path,
                check.IntervalSeconds is { } interval and > 0 and <= 3600 ? TimeSpan.FromSeconds(interval) : DefaultHealthCheck.Interval,
                check.TimeoutSeconds is { } timeout and > 0 and <= 600 ? TimeSpan.FromSeconds(timeout) : DefaultHealthCheck.Timeout);
        }

        var dependencies = request.Dependencies ?? [];
        for (var i = 0; i < dependencies.Count; i++)
        {
            if (dependencies[i] is not { } dependency || !resourceExists(dependency))
            {
                Error($"dependencies[{i}]", $"There is no resource '{dependencies[i]}'.");
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ExternalServiceRegistration(request.Name!, ResourceCatalog.ExternalType, endpoints, healthCheck, dependencies.ToList()), errors);
    }
}
