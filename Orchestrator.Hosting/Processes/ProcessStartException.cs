namespace Orchestrator.Hosting.Processes;

/// <summary>A process could not be started (missing program, bad working directory).</summary>
public sealed class ProcessStartException(string message, Exception? innerException = null) : Exception(message, innerException);
