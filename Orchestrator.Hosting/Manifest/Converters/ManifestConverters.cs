using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>
/// Every converter the manifest uses, in the order their properties are written. A new annotation
/// (a restart policy, say) enters the manifest as one converter added here.
/// </summary>
internal static class ManifestConverters
{
    public static IReadOnlyList<IManifestResourceConverter> Resources { get; } =
    [
        new ProjectConverter(),
        new ExecutableConverter(),
        new PostgresServerConverter(),
        new PostgresDatabaseConverter(),
        new RedisConverter(),
    ];

    public static IReadOnlyList<IManifestAnnotationConverter> Annotations { get; } =
    [
        new ArgsConverter(),
        new EnvironmentConverter(),
        new EndpointsConverter(),
        new ReplicasConverter(),
        new ReferencesConverter(),
        new WaitsConverter(),
        new HealthChecksConverter(),
        new LivenessCheckConverter(),
        new HealthCheckOptionsConverter(),
        new RestartPolicyConverter(),
        new FlagConverter<ExplicitStartAnnotation>("explicitStart"),
        new FlagConverter<OptionalResourceAnnotation>("optional"),
        new LaunchPhaseConverter(),
        new StartTimeoutConverter(),
    ];
}
