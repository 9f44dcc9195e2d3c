namespace OtlpTesting;

/// <summary>One span as the receiver decoded it.</summary>
/// <param name="TraceId">The trace id, 32 lower-case hex digits.</param>
/// <param name="SpanId">The span id, 16 lower-case hex digits.</param>
/// <param name="ParentSpanId">The parent's span id, or null for a root span.</param>
/// <param name="Name">The span's name (<c>GET /api/products/{id}</c>).</param>
/// <param name="Kind">Server, client, internal...</param>
/// <param name="Start">When it started.</param>
/// <param name="End">When it ended.</param>
/// <param name="Attributes">The span's attributes (<c>http.route</c>, <c>http.request.method</c>...).</param>
/// <param name="Status">The status code.</param>
/// <param name="StatusMessage">The status description, or empty.</param>
/// <param name="ScopeName">The instrumentation scope, which is the ActivitySource's name (<c>Microsoft.AspNetCore</c>).</param>
/// <param name="Resource">Who sent it.</param>
public sealed record ReceivedSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    ReceivedSpanKind Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyDictionary<string, object?> Attributes,
    ReceivedSpanStatus Status,
    string StatusMessage,
    string ScopeName,
    ReceivedResource Resource)
{
    /// <summary>An attribute as text (numbers and booleans formatted invariantly), or null when absent.</summary>
    public string? Attribute(string key) => AttributeText.Format(Attributes.GetValueOrDefault(key));
}
