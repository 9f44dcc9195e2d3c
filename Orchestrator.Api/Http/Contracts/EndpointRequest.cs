namespace Orchestrator.Api.Http.Contracts;

/// <summary>One endpoint of a registered service.</summary>
public sealed record EndpointRequest(string? Url, int? Weight);
