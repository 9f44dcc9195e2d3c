using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Postgres;
using Orchestrator.Hosting.Tests.Drivers;

namespace Orchestrator.Hosting.Tests.Postgres;

public sealed class PasswordFileTests : IDisposable
{
    private readonly string _directory = TestRuntime.CreateStateDirectory();

    public void Dispose() => TestRuntime.DeleteQuietly(_directory);

    [Fact]
    public async Task Is_readable_by_its_owner_only()
    {
        await using var file = await PasswordFile.CreateAsync(Path.Combine(_directory, "pw"), "s3cret", owner: null, CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        Assert.Equal("s3cret", File.ReadAllText(file.Path).Trim());
    }

    [Fact]
    public async Task Is_deleted_on_dispose()
    {
        var file = await PasswordFile.CreateAsync(Path.Combine(_directory, "pw"), "s3cret", owner: null, CancellationToken.None);

        await file.DisposeAsync();

        Assert.False(File.Exists(file.Path));
    }

    [Fact]
    public async Task Replaces_a_file_left_by_an_interrupted_run()
    {
        var path = Path.Combine(_directory, "pw");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);

        await using var file = await PasswordFile.CreateAsync(path, "new", owner: null, CancellationToken.None);

        Assert.Equal("new", File.ReadAllText(path).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Belongs_to_the_account_that_reads_it()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return; // only root can give a file away
        }

        await using var file = await PasswordFile.CreateAsync(
            Path.Combine(_directory, "pw"), "s3cret", new ServiceAccount("postgres"), CancellationToken.None);

        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%U", file.Path]) { RedirectStandardOutput = true })!;
        var owner = (await stat.StandardOutput.ReadToEndAsync()).Trim();
        Assert.Equal("postgres", owner);
    }
}
