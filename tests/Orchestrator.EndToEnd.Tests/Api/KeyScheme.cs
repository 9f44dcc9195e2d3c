namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>How a test sends its key.</summary>
public enum KeyScheme
{
    Header,
    Bearer,
}
