namespace ServiceDefaults.Tests.Telemetry;

/// <summary>The tests that read what the two services exported share one pair of services.</summary>
[CollectionDefinition(Name)]
public sealed class TwoTracedServicesCollection : ICollectionFixture<TwoTracedServices>
{
    public const string Name = "Two traced services";
}
