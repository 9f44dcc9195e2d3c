namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>The native executable a publish produced, or why there is none (with the publish's last lines).</summary>
internal sealed record NativePublishResult(string? Executable, string? Failure)
{
    public static NativePublishResult Failed(string failure) => new(null, failure);
}
