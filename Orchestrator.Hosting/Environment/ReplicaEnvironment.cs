using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.EnvironmentVariables;

/// <summary>
/// Computes the environment variables of one replica. Later layers win where they name the same variable:
/// <list type="number">
/// <item>defaults: <c>OTEL_*</c> (service name, instance id and, with OTLP, exporter and development settings) and,
/// for a project, <c>ASPNETCORE_ENVIRONMENT</c> and <c>DOTNET_ENVIRONMENT</c> = Development;</item>
/// <item>the replica's own endpoints: <c>ASPNETCORE_URLS</c> for a project, then each endpoint's port variable;</item>
/// <item>references, in order: <c>ConnectionStrings__{name}</c> and <c>services__{name}__{endpoint}__{replica}</c>;</item>
/// <item><c>WithEnvironment(name, value)</c>, in order;</item>
/// <item><c>WithEnvironment(callback)</c>, in order; a callback sees (and may change or remove) everything above.</item>
/// </list>
/// So whatever the AppHost says explicitly beats what the host infers.
/// </summary>
public static class ReplicaEnvironment
{
    /// <summary>The variables of replica <paramref name="replicaIndex"/> of <paramref name="resource"/>.</summary>
    /// <exception cref="InvalidOperationException">An endpoint this replica needs was not allocated in <paramref name="runtime"/>.</exception>
    public static IReadOnlyDictionary<string, string> Build(IResource resource, int replicaIndex, ResourceRuntimeContext runtime)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentOutOfRangeException.ThrowIfNegative(replicaIndex);

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        AddTelemetry(environment, resource, replicaIndex, runtime.Otlp);
        if (resource is ProjectResource)
        {
            environment[KnownEnvironmentVariables.AspNetCoreEnvironment] = KnownEnvironmentVariables.DefaultHostEnvironment;
            environment[KnownEnvironmentVariables.DotNetEnvironment] = KnownEnvironmentVariables.DefaultHostEnvironment;
            AddAspNetCoreUrls(environment, resource, replicaIndex, runtime);
        }

        foreach (var endpoint in resource.GetEndpoints().Where(e => e.EnvironmentVariable is not null))
        {
            var port = runtime.GetEndpoint(resource, endpoint.Name, replicaIndex).Port;
            environment[endpoint.EnvironmentVariable!] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var reference in resource.Annotations.OfType<ResourceReferenceAnnotation>())
        {
            AddReference(environment, reference, runtime);
        }

        foreach (var variable in resource.Annotations.OfType<EnvironmentAnnotation>())
        {
            environment[variable.Name] = variable.Value;
        }

        var context = new EnvironmentCallbackContext(runtime, replicaIndex, environment);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(context);
        }

        return environment;
    }

    private static void AddTelemetry(Dictionary<string, string> environment, IResource resource, int replicaIndex, OtlpSettings? otlp)
    {
        environment[KnownEnvironmentVariables.OtelServiceName] = resource.Name;
        environment[KnownEnvironmentVariables.OtelResourceAttributes] = $"service.instance.id={resource.GetReplicaName(replicaIndex)}";
        if (otlp is null)
        {
            return;
        }

        environment[KnownEnvironmentVariables.OtlpEndpoint] = otlp.Endpoint;
        environment[KnownEnvironmentVariables.OtlpProtocol] = otlp.Protocol;
        if (!string.IsNullOrEmpty(otlp.Headers))
        {
            environment[KnownEnvironmentVariables.OtlpHeaders] = otlp.Headers;
        }

        foreach (var (name, value) in KnownEnvironmentVariables.TelemetryDevelopmentSettings)
        {
            environment[name] = value;
        }
    }

    private static void AddAspNetCoreUrls(Dictionary<string, string> environment, IResource resource, int replicaIndex, ResourceRuntimeContext runtime)
    {
        var urls = resource.GetEndpoints()
            .Where(e => IsHttp(e.Scheme))
            .Select(e => runtime.GetEndpoint(resource, e.Name, replicaIndex).Url)
            .ToList();
        if (urls.Count > 0)
        {
            environment[KnownEnvironmentVariables.AspNetCoreUrls] = string.Join(';', urls);
        }
    }

    private static void AddReference(Dictionary<string, string> environment, ResourceReferenceAnnotation reference, ResourceRuntimeContext runtime)
    {
        if (reference.Target is IResourceWithConnectionString withConnectionString)
        {
            environment[KnownEnvironmentVariables.ConnectionString(reference.EffectiveName)] = withConnectionString.GetConnectionString(runtime);
        }

        if (reference.Target is IResourceWithServiceDiscovery service)
        {
            // Aspire's format names the endpoint (whose name is its scheme unless the AppHost named it), one entry per replica.
            for (var replica = 0; replica < service.GetReplicaCount(); replica++)
            {
                foreach (var endpoint in service.GetEndpoints())
                {
                    var url = runtime.GetEndpoint(service, endpoint.Name, replica).Url;
                    environment[KnownEnvironmentVariables.ServiceEndpoint(reference.EffectiveName, endpoint.Name, replica)] = url;
                }
            }
        }
    }

    private static bool IsHttp(string scheme) =>
        scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
}
