namespace Orchestrator.Hosting.Redis;

/// <summary>One RESP reply: its kind, its text (for strings, integers and errors) and its items (for arrays).</summary>
public sealed record RespValue(RespKind Kind, string? Text, IReadOnlyList<RespValue>? Items = null);
