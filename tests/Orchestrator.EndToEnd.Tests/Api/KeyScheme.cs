namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>How a test sends its key.</summary>
internal enum KeyScheme
{
    Header,
    Bearer,
}
