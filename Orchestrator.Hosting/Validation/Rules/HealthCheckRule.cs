using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>An HTTP health check probes an HTTP endpoint the resource declares, and expects a real status code.</summary>
internal sealed class HealthCheckRule : IModelRule
{
    public IEnumerable<ModelProblem> Check(DistributedApplicationModel model)
    {
        foreach (var resource in model.Resources)
        {
            var endpoints = resource.GetEndpoints();
            foreach (var check in resource.Annotations.OfType<HttpHealthCheckAnnotation>())
            {
                if (Describe(resource, endpoints, check) is { } message)
                {
                    yield return new ModelProblem(resource.Name, message);
                }

                if (check.StatusCode is < 100 or > 599)
                {
                    yield return new ModelProblem(resource.Name,
                        $"Resource '{resource.Name}' has an HTTP health check that expects status {check.StatusCode}, which HTTP never answers. " +
                        "Pass WithHttpHealthCheck a status code from 100 to 599 (200 by default).");
                }
            }
        }
    }

    private static string? Describe(IResource resource, IReadOnlyList<EndpointAnnotation> endpoints, HttpHealthCheckAnnotation check)
    {
        if (check.EndpointName is null)
        {
            return endpoints.Any(IsHttp)
                ? null
                : $"Resource '{resource.Name}' has an HTTP health check but no http or https endpoint to probe. " +
                  "Add one with WithHttpEndpoint() or remove the WithHttpHealthCheck.";
        }

        var endpoint = endpoints.FirstOrDefault(e => e.Name == check.EndpointName);
        if (endpoint is null)
        {
            var known = endpoints.Count == 0 ? "it has none" : "it has " + string.Join(", ", endpoints.Select(e => $"'{e.Name}'"));
            return $"Resource '{resource.Name}' checks health on endpoint '{check.EndpointName}', which it does not declare ({known}). " +
                   $"Add it with WithHttpEndpoint(name: \"{check.EndpointName}\") or name an existing endpoint in WithHttpHealthCheck.";
        }

        return IsHttp(endpoint)
            ? null
            : $"Resource '{resource.Name}' checks health over HTTP on endpoint '{endpoint.Name}', whose scheme is '{endpoint.Scheme}'. " +
              "Name an http or https endpoint in WithHttpHealthCheck.";
    }

    private static bool IsHttp(EndpointAnnotation endpoint) =>
        endpoint.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || endpoint.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
}
