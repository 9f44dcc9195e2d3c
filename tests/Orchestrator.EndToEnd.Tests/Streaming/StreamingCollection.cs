namespace Orchestrator.EndToEnd.Tests.Streaming;

/// <summary>The stream tests share one orchestrator (its processes start once for all of them).</summary>
[CollectionDefinition(Name)]
public sealed class StreamingCollection : ICollectionFixture<StreamingFixture>
{
    public const string Name = "Streaming";
}
