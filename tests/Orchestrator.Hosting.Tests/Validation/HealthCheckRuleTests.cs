using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting.Tests.Validation;

public sealed class HealthCheckRuleTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Reports_a_check_on_an_endpoint_the_resource_lacks()
    {
        _models.Project("catalog").WithHttpHealthCheck("/health", endpointName: "admin");

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("'catalog' checks health on endpoint 'admin', which it does not declare (it has 'http')", problem.Message);
    }

    [Fact]
    public void Reports_a_check_on_a_resource_without_an_http_endpoint()
    {
        _models.Executable("worker").WithEndpoint("tcp").WithHttpHealthCheck();

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("'worker' has an HTTP health check but no http or https endpoint", problem.Message);
    }

    [Fact]
    public void Reports_a_check_on_a_named_endpoint_that_is_not_http()
    {
        _models.Executable("worker").WithEndpoint("tcp").WithHttpHealthCheck(endpointName: "tcp");

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("'worker' checks health over HTTP on endpoint 'tcp', whose scheme is 'tcp'", problem.Message);
    }

    [Fact]
    public void Reports_a_status_code_HTTP_never_answers()
    {
        _models.Project("catalog").WithHttpHealthCheck(statusCode: 42);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("'catalog' has an HTTP health check that expects status 42", problem.Message);
    }

    [Fact]
    public void Accepts_a_check_on_a_projects_default_endpoint()
    {
        _models.Project("catalog").WithHttpHealthCheck("/health");

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }

    [Fact]
    public void Accepts_a_check_on_a_named_https_endpoint()
    {
        _models.Executable("web").WithEndpoint("https", name: "secure").WithHttpHealthCheck(endpointName: "secure");

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }
}
