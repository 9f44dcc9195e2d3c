using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Manifest;

namespace Orchestrator.Hosting.Tests.Manifest;

public sealed class ManifestReaderErrorTests
{
    [Fact]
    public void Rejects_another_version_and_names_both()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("""{"version": 2, "resources": []}"""));

        Assert.Contains("The manifest is version 2, but this host reads version 1 only", exception.Message);
    }

    [Fact]
    public void Rejects_a_manifest_without_a_version()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("""{"resources": []}"""));

        Assert.Contains("has no 'version'", exception.Message);
    }

    [Fact]
    public void Rejects_malformed_JSON_and_says_where()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("{\n  \"version\": 1,\n  \"resources\": [ {\"name\": }\n"));

        Assert.StartsWith("The manifest is not valid JSON (line 3", exception.Message);
    }

    [Fact]
    public void Rejects_JSON_that_is_not_an_object()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("[1, 2]"));

        Assert.Contains("The manifest must be an object", exception.Message);
    }

    [Fact]
    public void Rejects_an_unknown_resource_type_and_lists_the_known_ones()
    {
        var exception = Assert.Throws<InvalidManifestException>(() =>
            ManifestReader.Read("""{"version": 1, "resources": [{"name": "x", "type": "container"}]}"""));

        Assert.Contains("$.resources[0].type is 'container'", exception.Message);
        Assert.Contains("project, executable, postgres, postgres.database, redis", exception.Message);
    }

    [Fact]
    public void Rejects_a_reference_to_an_undeclared_resource()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("""
            {"version": 1, "resources": [
              {"name": "web", "type": "executable", "command": "web", "workingDirectory": "/tmp", "references": [{"resource": "api"}]}
            ]}
            """));

        Assert.Contains("$.resources[0].references[0].resource names resource 'api', which the manifest does not declare", exception.Message);
    }

    [Fact]
    public void Rejects_an_unknown_property()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("""
            {"version": 1, "resources": [{"name": "cache", "type": "redis", "autoscale": {}}]}
            """));

        Assert.Contains("resource 'cache' has no property 'autoscale'", exception.Message);
    }

    [Fact]
    public void Rejects_an_unknown_restart_action_and_lists_the_known_ones()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("""
            {"version": 1, "resources": [{"name": "cache", "type": "redis", "restartPolicy": {"tiers": [{"action": "Reboot", "delays": []}]}}]}
            """));

        Assert.Contains("$.resources[0].restartPolicy.tiers[0].action is 'Reboot'", exception.Message);
        Assert.Contains("Immediate, Graceful, RestartDependencies, Quarantine", exception.Message);
    }

    [Fact]
    public void Rejects_a_health_check_interval_that_is_not_a_duration()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("""
            {"version": 1, "resources": [{"name": "cache", "type": "redis", "healthCheckOptions": {"interval": "5s"}}]}
            """));

        Assert.Contains("$.resources[0].healthCheckOptions.interval is '5s'", exception.Message);
    }

    [Fact]
    public void Rejects_a_value_of_the_wrong_type_with_its_path()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("""
            {"version": 1, "resources": [{"name": "cache", "type": "redis", "replicas": "two"}]}
            """));

        Assert.Equal("$.resources[0].replicas must be a whole number, not \"two\".", exception.Message);
    }

    [Fact]
    public void Rejects_a_resource_declared_twice()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("""
            {"version": 1, "resources": [{"name": "cache", "type": "redis"}, {"name": "cache", "type": "redis"}]}
            """));

        Assert.Contains("$.resources[1] declares resource 'cache' again", exception.Message);
    }

    [Fact]
    public void Rejects_a_fixed_password_it_cannot_resolve_and_names_the_secret()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("""
            {"version": 1, "resources": [{"name": "pg", "type": "postgres", "password": {"secret": "pg-password"}}]}
            """));

        Assert.Contains("'pg'", exception.Message);
        Assert.Contains("secret 'pg-password'", exception.Message);
    }

    [Fact]
    public void Reads_a_database_declared_before_its_server()
    {
        var model = ManifestReader.Read("""
            {"version": 1, "resources": [
              {"name": "db", "type": "postgres.database", "server": "pg", "databaseName": "db"},
              {"name": "pg", "type": "postgres"}
            ]}
            """);

        Assert.Equal(["db", "pg"], model.Resources.Select(r => r.Name));
        Assert.Same(model.Find("pg"), ((PostgresDatabaseResource)model.Find("db")!).Server);
    }

    [Fact]
    public void Rejects_a_database_whose_server_is_not_postgres()
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read("""
            {"version": 1, "resources": [
              {"name": "cache", "type": "redis"},
              {"name": "db", "type": "postgres.database", "server": "cache", "databaseName": "db"}
            ]}
            """));

        Assert.Contains("$.resources[1].server names 'cache', which is not a postgres server", exception.Message);
    }
}
