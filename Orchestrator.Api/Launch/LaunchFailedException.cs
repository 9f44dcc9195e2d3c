namespace Orchestrator.Api.Launch;

/// <summary>
/// A required resource failed to start, so the launch stopped; whatever had started is still running
/// until <see cref="PhasedLauncher.StopAsync"/> stops it.
/// </summary>
public sealed class LaunchFailedException : Exception
{
    /// <summary>Creates the exception for <paramref name="resourceName"/>.</summary>
    /// <param name="resourceName">The required resource that failed.</param>
    /// <param name="reason">Why it failed.</param>
    /// <param name="logTail">The last output lines that explain it.</param>
    /// <param name="logTailSource">Whose output <paramref name="logTail"/> is (the resource, or the dependency that made it fail).</param>
    /// <param name="innerException">The executor's exception, if any.</param>
    public LaunchFailedException(string resourceName, string reason, IReadOnlyList<string> logTail, string? logTailSource = null, Exception? innerException = null)
        : base(FormatMessage(resourceName, reason, logTail, logTailSource ?? resourceName), innerException)
    {
        ResourceName = resourceName;
        Reason = reason;
        LogTail = logTail;
    }

    /// <summary>The required resource that failed.</summary>
    public string ResourceName { get; }

    /// <summary>Why it failed.</summary>
    public string Reason { get; }

    /// <summary>The last output lines that explain the failure, oldest first.</summary>
    public IReadOnlyList<string> LogTail { get; }

    private static string FormatMessage(string resourceName, string reason, IReadOnlyList<string> logTail, string logTailSource)
    {
        var message = $"The launch stopped because resource '{resourceName}' failed to start: {reason}. " +
            $"Fix '{resourceName}', or mark it AsOptional() if the application can run without it.";
        return logTail.Count == 0
            ? message
            : message + Environment.NewLine + $"Last output of '{logTailSource}':" + Environment.NewLine
              + string.Join(Environment.NewLine, logTail.Select(l => "  | " + l));
    }
}
