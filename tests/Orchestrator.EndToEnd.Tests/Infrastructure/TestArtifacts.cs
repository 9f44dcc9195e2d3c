using System.Reflection;

namespace Orchestrator.EndToEnd.Tests.Infrastructure;

/// <summary>Where the test programs built with this project are.</summary>
internal static class TestArtifacts
{
    private static readonly string Configuration =
        typeof(TestArtifacts).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string TestServiceDll => Output("TestService");

    public static string TestAppHostDll => Output("TestAppHost");

    private static string Output(string project)
    {
        var path = Path.Combine(RepositoryRoot, "tests", project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first: {path} is missing.", path);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orchestrator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Orchestrator.sln not found above the test output.");
    }
}
