namespace Orchestrator.Hosting.Drivers;

/// <summary>How a short-lived tool ended: its exit code and its last output lines (stdout and stderr interleaved).</summary>
internal sealed record ExternalCommandResult(int ExitCode, IReadOnlyList<string> Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last <paramref name="count"/> lines.</summary>
    public IReadOnlyList<string> Tail(int count) => Output.Skip(Math.Max(0, Output.Count - count)).ToList();
}
