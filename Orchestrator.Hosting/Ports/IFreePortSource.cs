namespace Orchestrator.Hosting.Ports;

/// <summary>Where free ports come from: the operating system in production, a script in tests.</summary>
public interface IFreePortSource
{
    /// <summary>A port that is free right now (it may be taken again by the time it is used).</summary>
    int GetFreePort();
}
