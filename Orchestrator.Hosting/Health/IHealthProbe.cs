namespace Orchestrator.Hosting.Health;

/// <summary>One check of one replica's health. Probes know nothing of scheduling.</summary>
public interface IHealthProbe
{
    /// <summary>What is probed, for people: <c>GET http://127.0.0.1:5123/health</c>.</summary>
    string Description { get; }

    /// <summary>Probes once; never throws for an unhealthy target (that is a result), only when cancelled.</summary>
    Task<HealthProbeResult> ProbeAsync(CancellationToken cancellationToken);
}
