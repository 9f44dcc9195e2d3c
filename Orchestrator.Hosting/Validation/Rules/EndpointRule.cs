using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>Endpoint names are unique within a resource, fixed ports are valid and no two endpoints fix the same port.</summary>
internal sealed class EndpointRule : IModelRule
{
    private const int MaxPort = 65535;

    public IEnumerable<ModelProblem> Check(DistributedApplicationModel model)
    {
        var owners = new Dictionary<int, (IResource Resource, EndpointAnnotation Endpoint)>();
        foreach (var resource in model.Resources)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var endpoint in resource.GetEndpoints())
            {
                if (!names.Add(endpoint.Name))
                {
                    yield return new ModelProblem(resource.Name,
                        $"Resource '{resource.Name}' declares endpoint '{endpoint.Name}' more than once. " +
                        $"Give the others their own name, for example WithEndpoint(\"{endpoint.Scheme}\", name: \"{endpoint.Name}2\").");
                }

                if (endpoint.FixedPort is not { } port)
                {
                    continue;
                }

                if (port is < 1 or > MaxPort)
                {
                    yield return new ModelProblem(resource.Name,
                        $"Resource '{resource.Name}' fixes endpoint '{endpoint.Name}' to port {port}, which is not a port. " +
                        $"Use a port from 1 to {MaxPort}, or none to get a free one.");
                }
                else if (owners.TryGetValue(port, out var owner))
                {
                    yield return new ModelProblem(resource.Name,
                        $"Resource '{resource.Name}' (endpoint '{endpoint.Name}') and resource '{owner.Resource.Name}' " +
                        $"(endpoint '{owner.Endpoint.Name}') both fix port {port}, which only one can bind. " +
                        "Give one of them another port, or no port to get a free one.");
                }
                else
                {
                    owners.Add(port, (resource, endpoint));
                }
            }
        }
    }
}
