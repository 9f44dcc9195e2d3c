namespace Orchestrator.Api.Registration;

/// <summary>What came of a registration.</summary>
public enum RegistrationStatus
{
    /// <summary>Registered: its snapshots are published and its probes run (201).</summary>
    Registered,

    /// <summary>Rejected; the errors name each field (400).</summary>
    Invalid,

    /// <summary>The name belongs to a model resource or an earlier registration (409).</summary>
    NameInUse,
}
