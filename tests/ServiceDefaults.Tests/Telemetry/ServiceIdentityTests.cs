using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Telemetry;

namespace ServiceDefaults.Tests.Telemetry;

public sealed class ServiceIdentityTests
{
    private static IConfiguration ConfigurationWith(params (string Key, string Value)[] entries) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(entries.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .Build();

    [Fact]
    public void Takes_the_instance_from_the_resource_attributes()
    {
        var configuration = ConfigurationWith(
            ("OTEL_SERVICE_NAME", "catalog"),
            ("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=dev,service.instance.id=catalog-1"));

        var identity = ServiceIdentity.FromConfiguration(configuration, "Catalog");

        Assert.Equal(("catalog", "catalog-1"), (identity.ServiceName, identity.InstanceId));
    }

    [Fact]
    public void Falls_back_to_the_application_name_and_a_machine_and_pid_instance()
    {
        var identity = ServiceIdentity.FromConfiguration(ConfigurationWith(), "Catalog");

        Assert.Equal(("Catalog", $"{Environment.MachineName}-{Environment.ProcessId}"), (identity.ServiceName, identity.InstanceId));
    }

    [Fact]
    public void Takes_the_service_name_from_the_attributes_when_the_variable_is_absent()
    {
        var configuration = ConfigurationWith(("OTEL_RESOURCE_ATTRIBUTES", "service.name=basket"));

        Assert.Equal("basket", ServiceIdentity.FromConfiguration(configuration, "Basket").ServiceName);
    }

    [Fact]
    public void Decodes_percent_encoded_attribute_values_and_skips_malformed_pairs()
    {
        var attributes = ServiceIdentity.ParseResourceAttributes("a=x%2Cy, broken ,=nokey,b = z ");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "x,y", ["b"] = "z" }, attributes);
    }
}
