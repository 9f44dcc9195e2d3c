namespace OtlpTesting;

/// <summary>One log record as the receiver decoded it.</summary>
/// <param name="Time">When it was written.</param>
/// <param name="SeverityNumber">OTLP's severity number (9 is INFO, 13 WARN, 17 ERROR).</param>
/// <param name="SeverityText">The severity as text (<c>Information</c>), when sent.</param>
/// <param name="Body">The body: the formatted message, or the template when no formatted message was sent.</param>
/// <param name="Attributes">The attributes: the template's values, scopes, <c>{OriginalFormat}</c>...</param>
/// <param name="EventName">The event name, when sent.</param>
/// <param name="TraceId">The trace it was written in, or null.</param>
/// <param name="SpanId">The span it was written in, or null.</param>
/// <param name="ScopeName">The instrumentation scope, which is the logger's category.</param>
/// <param name="Resource">Who sent it.</param>
public sealed record ReceivedLogRecord(
    DateTimeOffset Time,
    int SeverityNumber,
    string SeverityText,
    string? Body,
    IReadOnlyDictionary<string, object?> Attributes,
    string? EventName,
    string? TraceId,
    string? SpanId,
    string ScopeName,
    ReceivedResource Resource)
{
    /// <summary>An attribute as text (numbers and booleans formatted invariantly), or null when absent.</summary>
    public string? Attribute(string key) => AttributeText.Format(Attributes.GetValueOrDefault(key));
}
