namespace Orchestrator.Api.Streaming;

/// <summary>One message ready to send: serialized once, shared by every client that takes it.</summary>
/// <param name="Type">The message's <c>type</c>, for the filter.</param>
/// <param name="Resource">The resource it concerns, for the filter; null when none.</param>
/// <param name="Utf8">The JSON text.</param>
internal sealed record StreamFrame(string Type, string? Resource, ReadOnlyMemory<byte> Utf8);
