using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting.Tests.Validation;

public sealed class FileSystemRuleTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Reports_a_missing_project_file_with_its_full_path()
    {
        _models.Builder.AddProject("catalog", "src/Catalog/Catalog.csproj");

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        var expectedPath = Path.Combine(_models.Root, "src", "Catalog", "Catalog.csproj");
        Assert.Contains($"'catalog' runs project '{expectedPath}', which does not exist", problem.Message);
    }

    [Fact]
    public void Reports_a_missing_program()
    {
        _models.Builder.AddExecutable("worker", "./worker.sh", ".");

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains($"'worker' runs '{Path.Combine(_models.Root, "worker.sh")}', which does not exist", problem.Message);
    }

    [Fact]
    public void Reports_a_program_that_is_not_executable()
    {
        var path = _models.CreateFile("worker.sh", executable: false);
        _models.Builder.AddExecutable("worker", path, ".");

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains($"'worker' runs '{path}', which is not executable", problem.Message);
        Assert.Contains("chmod +x", problem.Message);
    }

    [Fact]
    public void Finds_a_relative_program_from_the_working_directory()
    {
        _models.CreateFile(Path.Combine("worker", "run.sh"), executable: true);
        _models.Builder.AddExecutable("worker", "./run.sh", "worker");

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }

    [Fact]
    public void Finds_a_bare_command_on_PATH()
    {
        _models.CreateFile(Path.Combine("bin", "worker-tool"), executable: true);
        _models.Builder.AddExecutable("worker", "worker-tool", ".");

        Assert.Empty(ModelValidator.Validate(_models.Model, searchPath: $"/nonexistent:{Path.Combine(_models.Root, "bin")}"));
    }

    [Fact]
    public void Reports_a_bare_command_missing_from_PATH()
    {
        _models.CreateFile(Path.Combine("elsewhere", "worker-tool"), executable: true);
        _models.Builder.AddExecutable("worker", "worker-tool", ".");

        var problem = Assert.Single(ModelValidator.Validate(_models.Model, searchPath: Path.Combine(_models.Root, "bin")));

        Assert.Contains("'worker' runs 'worker-tool', which is not an executable on PATH", problem.Message);
    }

    [Fact]
    public void Reports_a_missing_working_directory_once()
    {
        _models.Builder.AddExecutable("worker", "./run.sh", "missing");

        var problem = Assert.Single(ModelValidator.Validate(_models.Model));

        Assert.Contains($"'worker' runs in '{Path.Combine(_models.Root, "missing")}', which is not a directory", problem.Message);
    }
}
