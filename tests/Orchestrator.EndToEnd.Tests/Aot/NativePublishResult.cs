namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>The native executable a publish produced, or why there is none (with the publish's last lines).</summary>
internal sealed record NativePublishResult(string? Executable, TimeSpan Elapsed, string? Failure, IReadOnlyList<string> Warnings)
{
    public static NativePublishResult Failed(string failure) => new(null, TimeSpan.Zero, failure, []);
}
