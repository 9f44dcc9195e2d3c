using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Tests;

/// <summary>
/// A builder over a temporary AppHost directory, with helpers that add resources whose files really
/// exist, so that a test breaks exactly one rule. Deletes the directory on dispose.
/// </summary>
internal sealed class TestModels : IDisposable
{
    public TestModels()
    {
        Root = Path.Combine(Path.GetTempPath(), "orchestrator-model-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            AppHostDirectory = Root,
            StateDirectory = Path.Combine(Root, ".orchestrator"),
        });
    }

    /// <summary>The temporary AppHost directory.</summary>
    public string Root { get; }

    public IDistributedApplicationBuilder Builder { get; }

    /// <summary>The model as declared so far.</summary>
    public DistributedApplicationModel Model => new(Builder.Resources);

    /// <summary>Adds a project whose project file exists.</summary>
    public IResourceBuilder<ProjectResource> Project(string name)
    {
        var path = Path.Combine(Root, "src", name, $"{name}.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        return Builder.AddProject(name, path);
    }

    /// <summary>Adds an executable whose program exists and is executable, run in the AppHost directory.</summary>
    public IResourceBuilder<ExecutableResource> Executable(string name) =>
        Builder.AddExecutable(name, CreateFile(Path.Combine("tools", name), executable: true), ".");

    /// <summary>Creates a file under the AppHost directory and returns its full path.</summary>
    public string CreateFile(string relativePath, bool executable)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(path, executable
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A test that deleted it already is fine.
        }
    }
}
