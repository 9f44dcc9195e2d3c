namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>Where telemetry goes: the OTLP endpoint, its protocol and headers, as the OpenTelemetry variables name them.</summary>
public sealed record OtlpSettings(string Endpoint, string Protocol = "http/protobuf", string? Headers = null);
