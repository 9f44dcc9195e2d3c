using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting.Tests.Validation;

public sealed class EndpointRuleTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Reports_two_resources_that_fix_the_same_port()
    {
        _models.Executable("web").WithHttpEndpoint(port: 5080);
        _models.Executable("admin").WithHttpEndpoint(port: 5080, name: "ui");

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Equal("admin", problem.ResourceName);
        Assert.Contains("'admin' (endpoint 'ui') and resource 'web' (endpoint 'http') both fix port 5080", problem.Message);
    }

    [Fact]
    public void Counts_a_fixed_target_port_as_a_fixed_port()
    {
        _models.Executable("web").WithHttpEndpoint(targetPort: 5080);
        _models.Builder.AddRedis("cache", port: 5080);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("both fix port 5080", problem.Message);
    }

    [Fact]
    public void Reports_two_endpoints_of_one_resource_that_fix_the_same_port()
    {
        _models.Executable("web").WithHttpEndpoint(port: 5080).WithEndpoint("tcp", port: 5080);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("'web' (endpoint 'tcp') and resource 'web' (endpoint 'http')", problem.Message);
    }

    [Fact]
    public void Reports_an_endpoint_name_declared_twice_in_one_resource()
    {
        _models.Executable("web").WithHttpEndpoint().WithEndpoint("https", name: "http");

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("'web' declares endpoint 'http' more than once", problem.Message);
    }

    [Fact]
    public void Accepts_the_same_endpoint_name_in_different_resources()
    {
        _models.Executable("web").WithHttpEndpoint();
        _models.Executable("api").WithHttpEndpoint();

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }

    [Fact]
    public void Lets_a_project_redeclare_its_default_http_endpoint()
    {
        _models.Project("catalog").WithHttpEndpoint(port: 5080);

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Reports_a_fixed_port_that_is_not_a_port(int port)
    {
        _models.Executable("web").WithHttpEndpoint(port: port);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains($"'web' fixes endpoint 'http' to port {port}, which is not a port", problem.Message);
    }
}
