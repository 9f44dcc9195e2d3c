using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Api.Http.Contracts;

namespace Orchestrator.Api.Http;

/// <summary>
/// The REST API's JSON metadata, generated at compile time. An AppHost published with Native AOT has no
/// reflection-based serializer; the API resolves types through this context alone in every build, so a
/// contract missing here fails the ordinary tests, not only an AOT run.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<ResourceSummary>))]
[JsonSerializable(typeof(IReadOnlyList<ResourceSummary>))]
[JsonSerializable(typeof(ResourceDetail))]
[JsonSerializable(typeof(List<HealingHistoryEntry>))]
[JsonSerializable(typeof(IReadOnlyList<HealingHistoryEntry>))]
[JsonSerializable(typeof(SystemStatus))]
[JsonSerializable(typeof(ApiStats))]
[JsonSerializable(typeof(DependencyGraph))]
[JsonSerializable(typeof(LogsResponse))]
[JsonSerializable(typeof(CommandAccepted))]
[JsonSerializable(typeof(BulkCommandAccepted))]
[JsonSerializable(typeof(BalancerPick))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(RegistrationRequest))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
