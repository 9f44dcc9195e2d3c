namespace Orchestrator.Api.Registration;

/// <summary>The outcome of a registration; <see cref="Errors"/> maps a field name to its messages (for a 400).</summary>
public sealed record RegistrationOutcome(RegistrationStatus Status, IReadOnlyDictionary<string, string[]> Errors);
