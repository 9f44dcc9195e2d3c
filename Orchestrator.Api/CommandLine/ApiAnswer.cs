using System.Text.Json;

namespace Orchestrator.Api.CommandLine;

/// <summary>A successful answer of the API: its body as sent (for <c>--json</c>) and parsed (for tables).</summary>
internal sealed record ApiAnswer(string Body, JsonElement Json);
