namespace Orchestrator.Api.Registration;

/// <summary>Registers external services at run time: validates them, publishes their snapshots, probes their health.</summary>
public interface IExternalServiceRegistry
{
    /// <summary>Validates and registers <paramref name="registration"/>.</summary>
    Task<RegistrationOutcome> RegisterAsync(ExternalServiceRegistration registration, CancellationToken ct);

    /// <summary>Removes a registered service: stops its probes and removes its snapshots.</summary>
    Task<RemovalStatus> RemoveAsync(string name, CancellationToken ct);

    /// <summary>True when <paramref name="name"/> is a registered (not a model) resource.</summary>
    bool IsRegistered(string name);

    /// <summary>Every current registration.</summary>
    IReadOnlyList<ExternalServiceRegistration> GetRegistrations();
}
