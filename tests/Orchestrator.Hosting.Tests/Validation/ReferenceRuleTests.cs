using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting.Tests.Validation;

public sealed class ReferenceRuleTests : IDisposable
{
    private readonly TestModels _models = new();
    private readonly TestModels _elsewhere = new();

    public void Dispose()
    {
        _models.Dispose();
        _elsewhere.Dispose();
    }

    [Fact]
    public void Reports_a_wait_for_a_resource_outside_the_model_and_says_how_to_add_it()
    {
        var db = _elsewhere.Builder.AddPostgres("pg").AddDatabase("db");
        _models.Project("catalog").WaitFor(db);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Equal("catalog", problem.ResourceName);
        Assert.Equal(
            "Resource 'catalog' waits for 'db', which is not in the model. Add it with AddPostgres(...).AddDatabase(\"db\") or remove the WaitFor.",
            problem.Message);
    }

    [Fact]
    public void Reports_a_reference_to_a_resource_outside_the_model()
    {
        var cache = _elsewhere.Builder.AddRedis("cache");
        _models.Project("catalog").WithReference(cache);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("'catalog' references 'cache', which is not in the model", problem.Message);
        Assert.Contains("AddRedis(\"cache\")", problem.Message);
        Assert.Contains("remove the WithReference", problem.Message);
    }

    [Fact]
    public void Says_when_the_missing_target_has_a_namesake_in_the_model()
    {
        _models.Builder.AddRedis("cache");
        var otherCache = _elsewhere.Builder.AddRedis("cache");
        _models.Project("catalog").WaitFor(otherCache);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("the model's 'cache' is another object", problem.Message);
    }

    [Fact]
    public void Reports_a_resource_that_waits_for_itself()
    {
        var worker = _models.Executable("worker");
        worker.WaitFor(worker);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Equal("Resource 'worker' waits for itself. Remove the WaitFor.", problem.Message);
    }

    [Fact]
    public void Reports_a_resource_that_references_itself()
    {
        var catalog = _models.Project("catalog");
        catalog.WithReference(catalog);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Equal("Resource 'catalog' references itself. Remove the WithReference.", problem.Message);
    }

    [Fact]
    public void Reports_a_wait_for_completion_outside_the_model_by_its_own_name()
    {
        var migrations = _elsewhere.Executable("migrations");
        _models.Project("api").WaitForCompletion(migrations);

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains("'api' waits for the completion of 'migrations'", problem.Message);
        Assert.Contains("remove the WaitForCompletion", problem.Message);
    }
}
