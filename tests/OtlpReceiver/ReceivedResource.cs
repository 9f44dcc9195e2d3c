namespace OtlpTesting;

/// <summary>The resource an export described: who sent the telemetry.</summary>
/// <param name="Attributes">Every resource attribute (<c>service.name</c>, <c>service.instance.id</c>, <c>telemetry.sdk.name</c>...).</param>
public sealed record ReceivedResource(IReadOnlyDictionary<string, object?> Attributes)
{
    /// <summary>The <c>service.name</c> attribute, or null.</summary>
    public string? ServiceName => Attributes.GetValueOrDefault("service.name") as string;

    /// <summary>The <c>service.instance.id</c> attribute, or null.</summary>
    public string? ServiceInstanceId => Attributes.GetValueOrDefault("service.instance.id") as string;
}
