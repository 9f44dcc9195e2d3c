namespace Orchestrator.Hosting;

/// <summary>How to create a <see cref="IDistributedApplicationBuilder"/>; tests use it to point state elsewhere.</summary>
public sealed class DistributedApplicationOptions
{
    /// <summary>The AppHost's command-line arguments.</summary>
    public string[] Args { get; init; } = [];

    /// <summary>The AppHost project's directory; by default read from the entry assembly, else the current directory.</summary>
    public string? AppHostDirectory { get; init; }

    /// <summary>The state directory; by default <c>ORCHESTRATOR_STATE_DIR</c>, else <c>.orchestrator/</c> beside the AppHost.</summary>
    public string? StateDirectory { get; init; }
}
