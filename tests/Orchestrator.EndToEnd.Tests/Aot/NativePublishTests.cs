namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>What the Native AOT publish of an AppHost produces: one native executable, and no trim or AOT warning from the orchestrator.</summary>
[Trait("Category", "Integration")]
[Collection(NativeAotCollection.Name)]
public sealed class NativePublishTests(NativeAppHostFixture fixture)
{
    [Fact]
    public async Task The_AppHost_runs_as_a_native_executable_not_through_dotnet()
    {
        var executable = fixture.Executable;
        var header = new byte[4];
        await using (var file = File.OpenRead(executable))
        {
            await file.ReadExactlyAsync(header);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), header);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(executable)!, NativePublish.ProjectName + ".dll")),
            "a Native AOT publish has no managed entry assembly");
        Assert.Equal(executable, new FileInfo($"/proc/{fixture.Host.Pid}/exe").LinkTarget);
    }

    [Fact]
    public void The_orchestrator_compiles_without_trim_or_AOT_warnings()
    {
        // ASP.NET Core's own assemblies may warn (that is theirs to fix); the orchestrator's code must not.
        var ours = fixture.PublishWarnings.Where(w => w.Contains("Orchestrator.", StringComparison.Ordinal)).ToList();

        Assert.True(ours.Count == 0, $"{ours.Count} trim or AOT warning(s) in the orchestrator:\n{string.Join('\n', ours)}");
    }
}
