using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

/// <summary>Specs for the small bash programs the tests run.</summary>
internal static class TestSpecs
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static ProcessSpec Bash(string script, IReadOnlyDictionary<string, string>? environment = null) =>
        new("test-0", "bash", ["-c", script], Path.GetTempPath(), environment ?? new Dictionary<string, string>());

    public static ProcessSpec Program(string fileName, params string[] arguments) =>
        new("test-0", fileName, arguments, Path.GetTempPath(), new Dictionary<string, string>());

    /// <summary>Waits until <paramref name="handle"/> has printed a line equal to <paramref name="text"/>.</summary>
    public static Task<bool> PrintedAsync(IProcessHandle handle, string text) =>
        Eventually.TrueAsync(() => handle.GetLogTail(1000).Any(l => l.Text == text), Patience);
}
