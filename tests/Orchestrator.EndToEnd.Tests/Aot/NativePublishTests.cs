namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>
/// What the Native AOT publish of an AppHost produces: one native executable. The publish treats trim and AOT warnings
/// as errors, so a warning anywhere in the orchestrator fails every test of the collection with the publish's output.
/// </summary>
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
}
