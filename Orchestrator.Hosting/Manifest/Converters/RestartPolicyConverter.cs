using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>
/// <c>"restartPolicy": {"policy": "Always", "tiers": [{"action": "Immediate", "delays": ["00:00:01"]},
/// {"action": "Quarantine", "delays": []}], "minUptime": "00:00:10", "stabilityPeriod": "00:05:00",
/// "gracefulStopTimeout": "00:00:10"}</c>: the whole ladder, so that a manifest run heals as the AppHost would.
/// </summary>
internal sealed class RestartPolicyConverter : IManifestAnnotationConverter
{
    private static readonly IReadOnlySet<string> Known = new HashSet<string> { "policy", "tiers", "minUptime", "stabilityPeriod", "gracefulStopTimeout" };
    private static readonly IReadOnlySet<string> KnownInTier = new HashSet<string> { "action", "delays" };

    public string PropertyName => "restartPolicy";

    public JsonNode? Write(IResource resource, ManifestWriteContext context)
    {
        if (resource.Annotations.LastOfType<RestartPolicyAnnotation>() is not { } policy)
        {
            return null;
        }

        var tiers = new JsonArray();
        foreach (var tier in policy.Tiers)
        {
            tiers.Add((JsonNode)new JsonObject
            {
                ["action"] = tier.Action.ToString(),
                ["delays"] = new JsonArray(tier.Delays.Select(d => (JsonNode)ManifestJson.Duration(d)).ToArray()),
            });
        }

        return new JsonObject
        {
            ["policy"] = policy.Policy.ToString(),
            ["tiers"] = tiers,
            ["minUptime"] = ManifestJson.Duration(policy.MinUptime),
            ["stabilityPeriod"] = ManifestJson.Duration(policy.StabilityPeriod),
            ["gracefulStopTimeout"] = ManifestJson.Duration(policy.GracefulStopTimeout),
        };
    }

    public void Read(JsonNode value, IResource resource, ManifestReadContext context)
    {
        var item = ManifestJson.AsObject(value, value.GetPath());
        ManifestJson.RejectUnknown(item, Known, "a restart policy");
        var annotation = new RestartPolicyAnnotation(ReadEnum<RestartPolicy>(item, "policy") ?? RestartPolicy.Always);
        if (item["tiers"] is { } tiersNode)
        {
            var array = ManifestJson.AsArray(tiersNode, tiersNode.GetPath());
            var tiers = new List<RestartTier>();
            for (var i = 0; i < array.Count; i++)
            {
                var tier = ManifestJson.AsObject(array[i], $"{tiersNode.GetPath()}[{i}]");
                ManifestJson.RejectUnknown(tier, KnownInTier, "a restart tier");
                var action = ReadEnum<RestartAction>(tier, "action")
                    ?? throw new InvalidManifestException($"{ManifestJson.Where(tier, "action")} is missing.");
                var delays = tier["delays"] is { } delaysNode
                    ? ManifestJson.AsArray(delaysNode, delaysNode.GetPath()).Select((d, j) => ManifestJson.AsDuration(d, $"{delaysNode.GetPath()}[{j}]")).ToArray()
                    : [];
                tiers.Add(new RestartTier(action, Array.AsReadOnly(delays)));
            }

            annotation = annotation with { Tiers = tiers.AsReadOnly() };
        }

        resource.Annotations.Add(annotation with
        {
            MinUptime = ManifestJson.OptionalDuration(item, "minUptime") ?? annotation.MinUptime,
            StabilityPeriod = ManifestJson.OptionalDuration(item, "stabilityPeriod") ?? annotation.StabilityPeriod,
            GracefulStopTimeout = ManifestJson.OptionalDuration(item, "gracefulStopTimeout") ?? annotation.GracefulStopTimeout,
        });
    }

    private static T? ReadEnum<T>(JsonObject owner, string property)
        where T : struct, Enum
    {
        if (ManifestJson.OptionalString(owner, property) is not { } text)
        {
            return null;
        }

        return Enum.TryParse<T>(text, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new InvalidManifestException(
                $"{ManifestJson.Where(owner, property)} is '{text}'; expected one of {string.Join(", ", Enum.GetNames<T>())}.");
    }
}
