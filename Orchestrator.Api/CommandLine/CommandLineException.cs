namespace Orchestrator.Api.CommandLine;

/// <summary>A command failed in a way the user should read: the message goes to stderr, the exit code to the shell.</summary>
internal sealed class CommandLineException(int exitCode, string message, string? responseBody = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>One of <see cref="CliExitCodes"/>.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>The API's answer (a problem-details body), printed as is under <c>--json</c>.</summary>
    public string? ResponseBody { get; } = responseBody;
}
