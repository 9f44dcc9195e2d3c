namespace Orchestrator.Hosting.Redis;

/// <summary>The Redis server answered with an error, or broke the protocol.</summary>
public sealed class RespException(string message) : Exception(message);
