using Orchestrator.Api.Http;
using Orchestrator.Hosting.Secrets;

namespace Orchestrator.Api.Security;

/// <summary>
/// Finds the API's keys: a key given in configuration (or its environment override) wins; otherwise the key
/// is generated once into <c>{state}/secrets/api-operator-key</c> / <c>api-viewer-key</c> (0600) and reused on later starts.
/// </summary>
public static class ApiKeyStore
{
    /// <summary>The keys for <paramref name="options"/>, generating into <paramref name="secrets"/> those not configured.</summary>
    public static ApiKeys Load(OrchestratorApiOptions options, ISecretStore secrets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        var operatorKey = Configured(options.OperatorKey) ?? secrets.GetOrCreate(ApiKeys.OperatorSecretName);
        var viewerKey = Configured(options.ViewerKey) ?? secrets.GetOrCreate(ApiKeys.ViewerSecretName);
        if (string.Equals(operatorKey, viewerKey, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                "The orchestrator API's operator and viewer keys are the same, so a viewer could command. Give them different values.");
        }

        var generated = Configured(options.OperatorKey) is null || Configured(options.ViewerKey) is null;
        var location = generated
            ? Path.Combine(Path.GetDirectoryName(secrets.GetPath(ApiKeys.OperatorSecretName)) ?? ".", "api-*-key")
            : "configuration";
        return new ApiKeys(operatorKey, viewerKey, location);
    }

    private static string? Configured(string? key) => string.IsNullOrWhiteSpace(key) ? null : key.Trim();
}
