namespace Orchestrator.Api.Security;

/// <summary>The API's two keys and where a person finds them (never the keys themselves in any text).</summary>
/// <param name="OperatorKey">The key that may do everything.</param>
/// <param name="ViewerKey">The key that may only read.</param>
/// <param name="Location">Where the keys come from, for people: the secrets files' pattern or "configuration".</param>
public sealed record ApiKeys(string OperatorKey, string ViewerKey, string Location)
{
    /// <summary>The secret name (file in <c>{state}/secrets</c>) of the operator key.</summary>
    public const string OperatorSecretName = "api-operator-key";

    /// <summary>The secret name (file in <c>{state}/secrets</c>) of the viewer key.</summary>
    public const string ViewerSecretName = "api-viewer-key";

    // A record prints its members; keys must never reach a log that way.
    /// <inheritdoc />
    public override string ToString() => $"ApiKeys {{ Location = {Location} }}";
}
