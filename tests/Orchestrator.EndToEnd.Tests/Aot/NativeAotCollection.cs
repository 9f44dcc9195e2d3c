namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>The Native AOT tests share one publish and one running native AppHost.</summary>
[CollectionDefinition(Name)]
public sealed class NativeAotCollection : ICollectionFixture<NativeAppHostFixture>
{
    public const string Name = "NativeAot";
}
