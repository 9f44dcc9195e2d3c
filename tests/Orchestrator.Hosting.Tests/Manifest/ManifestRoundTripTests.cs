using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Manifest;

namespace Orchestrator.Hosting.Tests.Manifest;

public sealed class ManifestRoundTripTests : IDisposable
{
    private const string FixedPassword = "s3cret-value";
    private readonly TestModels _models = new();
    private readonly ManifestReaderOptions _reader = new() { SecretResolver = name => name == "pg-password" ? FixedPassword : null };

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Reads_back_a_model_with_every_annotation_into_the_same_manifest()
    {
        BuildFullModel();
        var written = ManifestWriter.Write(_models.Model);

        var rewritten = ManifestWriter.Write(ManifestReader.Read(written, _reader));

        Assert.Equal(written, rewritten);
    }

    [Fact]
    public void Writes_every_annotation_of_the_full_model()
    {
        BuildFullModel();

        var json = ManifestWriter.Write(_models.Model);

        foreach (var property in new[] { "args", "env", "endpoints", "replicas", "references", "waitFor", "healthChecks", "explicitStart", "optional", "launch", "startTimeout", "livenessCheck", "healthCheckOptions", "restartPolicy", "password", "databaseName", "workingDirectory" })
        {
            Assert.Contains($"\"{property}\":", json);
        }
    }

    [Fact]
    public void Reads_back_the_health_checks_and_the_restart_ladder()
    {
        BuildFullModel();

        var catalog = ManifestReader.Read(ManifestWriter.Write(_models.Model), _reader).Find("catalog")!;

        Assert.Equal(new LivenessCheckAnnotation("/alive", 200, "http"), catalog.Annotations.OfType<LivenessCheckAnnotation>().Single());
        Assert.Equal(new HealthCheckOptionsAnnotation(TimeSpan.FromSeconds(7), null, 4, null), catalog.Annotations.OfType<HealthCheckOptionsAnnotation>().Single());
        var policy = catalog.Annotations.OfType<RestartPolicyAnnotation>().Single();
        Assert.Equal(RestartPolicy.OnFailure, policy.Policy);
        Assert.Equal(TimeSpan.FromSeconds(3), policy.MinUptime);
        Assert.Equal([RestartAction.Immediate, RestartAction.Quarantine], policy.Tiers.Select(t => t.Action));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2)], policy.Tiers[0].Delays);
    }

    [Fact]
    public void Resolves_references_and_waits_to_the_read_resources()
    {
        BuildFullModel();

        var model = ManifestReader.Read(ManifestWriter.Write(_models.Model), _reader);

        var catalog = (ProjectResource)model.Find("catalog")!;
        var db = (PostgresDatabaseResource)model.Find("catalogdb")!;
        var references = catalog.Annotations.OfType<ResourceReferenceAnnotation>().ToList();
        Assert.Same(db, references[0].Target);
        Assert.Equal("db", references[0].ConnectionName);
        Assert.Same(model.Find("cache"), references[1].Target);
        Assert.Equal(
            [new WaitAnnotation(db, WaitType.WaitUntilHealthy), new WaitAnnotation(model.Find("migrations")!, WaitType.WaitForCompletion, 3)],
            catalog.Annotations.OfType<WaitAnnotation>());
    }

    [Fact]
    public void Rebuilds_a_database_inside_its_server()
    {
        BuildFullModel();

        var model = ManifestReader.Read(ManifestWriter.Write(_models.Model), _reader);

        var server = (PostgresServerResource)model.Find("pg")!;
        var db = (PostgresDatabaseResource)model.Find("catalogdb")!;
        Assert.Same(server, db.Server);
        Assert.Equal("catalog", db.DatabaseName);
        Assert.Equal("catalog", server.Databases["catalogdb"]);
    }

    [Fact]
    public void Keeps_each_resources_declarative_settings()
    {
        BuildFullModel();

        var model = ManifestReader.Read(ManifestWriter.Write(_models.Model), _reader);

        var catalog = model.Find("catalog")!;
        Assert.Equal(((ProjectResource)_models.Model.Find("catalog")!).ProjectPath, ((ProjectResource)catalog).ProjectPath);
        Assert.Equal(2, catalog.GetReplicaCount());
        Assert.Equal([new EndpointAnnotation("http", "http"), new EndpointAnnotation("metrics", "http", 9464, 9465, "METRICS_PORT")], catalog.GetEndpoints());
        Assert.Equal(new HttpHealthCheckAnnotation("/health", 204, "http"), catalog.Annotations.LastOfType<HttpHealthCheckAnnotation>());
        Assert.Equal(TimeSpan.FromSeconds(90.5), catalog.Annotations.LastOfType<StartTimeoutAnnotation>()?.Timeout);
        Assert.Equal(new LaunchPhaseAnnotation(2, 5), catalog.Annotations.LastOfType<LaunchPhaseAnnotation>());
        Assert.Equal([new EnvironmentAnnotation("SEED_ROWS", "100"), new EnvironmentAnnotation("MODE", "last")], catalog.Annotations.OfType<EnvironmentAnnotation>());
        Assert.Equal(["--verbose", "--seed", "42"], catalog.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args));
        Assert.True(model.Find("report")!.IsExplicitStart());
        Assert.True(model.Find("report")!.IsOptional());
        Assert.False(catalog.IsOptional());
    }

    [Fact]
    public void Keeps_an_executables_command_and_working_directory()
    {
        BuildFullModel();

        var model = ManifestReader.Read(ManifestWriter.Write(_models.Model), _reader);

        var migrations = (ExecutableResource)model.Find("migrations")!;
        Assert.Equal("python3", migrations.Command);
        Assert.Equal(Path.Combine(_models.Root, "tools"), migrations.WorkingDirectory);
    }

    [Fact]
    public void Names_a_fixed_password_as_a_secret_and_never_writes_its_value()
    {
        _models.Builder.AddPostgres("pg", password: FixedPassword);

        var json = ManifestWriter.Write(_models.Model);

        Assert.DoesNotContain(FixedPassword, json);
        Assert.Equal("pg-password", JsonNode.Parse(json)!["resources"]![0]!["password"]!["secret"]!.GetValue<string>());
    }

    [Fact]
    public void Gets_a_fixed_password_back_from_the_secret_resolver()
    {
        _models.Builder.AddPostgres("pg", password: FixedPassword);

        var model = ManifestReader.Read(ManifestWriter.Write(_models.Model), _reader);

        Assert.Equal(FixedPassword, ((PostgresServerResource)model.Find("pg")!).Password);
    }

    [Fact]
    public void Leaves_a_generated_password_to_the_secret_store()
    {
        _models.Builder.AddRedis("cache");

        var json = ManifestWriter.Write(_models.Model);
        var model = ManifestReader.Read(json);

        Assert.DoesNotContain("password", json);
        Assert.Null(((RedisResource)model.Find("cache")!).Password);
    }

    [Fact]
    public void Leaves_environment_callbacks_out()
    {
        _models.Executable("worker").WithEnvironment(ctx => ctx.Environment["X"] = "1");

        var json = ManifestWriter.Write(_models.Model);
        var model = ManifestReader.Read(json);

        Assert.DoesNotContain("\"env\"", json);
        Assert.Empty(model.Find("worker")!.Annotations);
    }

    [Fact]
    public void Writes_paths_relative_to_a_base_directory_and_reads_them_back_absolute()
    {
        var catalog = _models.Project("catalog");

        var json = ManifestWriter.Write(_models.Model, new ManifestWriterOptions { BaseDirectory = _models.Root });
        var model = ManifestReader.Read(json, new ManifestReaderOptions { BaseDirectory = _models.Root });

        Assert.Contains("\"path\": \"src/catalog/catalog.csproj\"", json);
        Assert.Equal(catalog.Resource.ProjectPath, ((ProjectResource)model.Find("catalog")!).ProjectPath);
    }

    [Fact]
    public async Task Round_trips_through_a_file_beside_the_sources()
    {
        BuildFullModel();
        var path = Path.Combine(_models.Root, "manifest.json");

        await ManifestWriter.WriteFileAsync(_models.Model, path);
        var model = await ManifestReader.ReadFileAsync(path, _reader);

        var json = await File.ReadAllTextAsync(path);
        Assert.Contains("\"path\": \"src/catalog/catalog.csproj\"", json);
        Assert.Contains("\"workingDirectory\": \"tools\"", json);
        Assert.Equal(ManifestWriter.Write(_models.Model), ManifestWriter.Write(model));
    }

    private void BuildFullModel()
    {
        var postgres = _models.Builder.AddPostgres("pg", password: FixedPassword, port: 5433);
        var db = postgres.AddDatabase("catalogdb", databaseName: "catalog");
        var cache = _models.Builder.AddRedis("cache");
        var migrations = _models.Builder.AddExecutable("migrations", "python3", "tools", "migrate.py").WaitFor(db);
        _models.Project("catalog")
            .WithReference(db, connectionName: "db")
            .WithReference(cache)
            .WaitFor(db)
            .WaitForCompletion(migrations, exitCode: 3)
            .WithReplicas(2)
            .WithHttpEndpoint(port: 9464, targetPort: 9465, name: "metrics", env: "METRICS_PORT")
            .WithHttpHealthCheck("/health", statusCode: 204, endpointName: "http")
            .WithStartTimeout(TimeSpan.FromSeconds(90.5))
            .WithLivenessCheck("/alive", endpointName: "http")
            .WithHealthCheckOptions(interval: TimeSpan.FromSeconds(7), failureThreshold: 4)
            .WithRestartPolicy(RestartPolicy.OnFailure, o =>
            {
                o.Tiers = [RestartTier.Immediate(TimeSpan.Zero, TimeSpan.FromSeconds(2)), RestartTier.Quarantine()];
                o.MinUptime = TimeSpan.FromSeconds(3);
            })
            .WithLaunchPhase(phase: 2, priority: 5)
            .WithEnvironment("SEED_ROWS", "100")
            .WithEnvironment("MODE", "first")
            .WithEnvironment("MODE", "last")
            .WithEnvironment(ctx => ctx.Environment["CALLBACK"] = "skipped")
            .WithArgs("--verbose")
            .WithArgs("--seed", "42");
        _models.Executable("report").WithExplicitStart().AsOptional().WithLaunchPhase(priority: 1);
    }
}
