namespace Orchestrator.Hosting.Orchestration;

/// <summary>A resource failed to start; <see cref="LogTail"/> holds its last output lines.</summary>
public sealed class ResourceStartException(string resourceName, string message, IReadOnlyList<string> logTail, Exception? innerException = null)
    : Exception(FormatMessage(resourceName, message, logTail), innerException)
{
    public string ResourceName { get; } = resourceName;

    public string Reason { get; } = message;

    public IReadOnlyList<string> LogTail { get; } = logTail;

    private static string FormatMessage(string resourceName, string message, IReadOnlyList<string> logTail) =>
        logTail.Count == 0
            ? $"Resource '{resourceName}' failed to start: {message}"
            : $"Resource '{resourceName}' failed to start: {message}{Environment.NewLine}Last output:{Environment.NewLine}"
              + string.Join(Environment.NewLine, logTail.Select(l => "  | " + l));
}
