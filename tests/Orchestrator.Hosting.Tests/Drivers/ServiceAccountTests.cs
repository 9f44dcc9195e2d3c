using Orchestrator.Hosting.Drivers;

namespace Orchestrator.Hosting.Tests.Drivers;

public sealed class ServiceAccountTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory().FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Finds_the_ancestor_that_others_cannot_traverse()
    {
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var data = Directory.CreateDirectory(Path.Combine(_root, "data", "pg")).FullName;

        Assert.Equal(_root, ServiceAccount.FindUntraversableAncestor(data));
    }

    [Fact]
    public void Finds_nothing_when_every_ancestor_is_traversable()
    {
        File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
        var data = Directory.CreateDirectory(Path.Combine(_root, "data", "pg")).FullName;

        Assert.Null(ServiceAccount.FindUntraversableAncestor(data));
    }

    [Fact]
    public void Runs_a_program_as_the_account_with_its_groups()
    {
        var (fileName, arguments) = new ServiceAccount("postgres").Wrap("/usr/bin/initdb", ["-D", "/data"]);

        Assert.Equal("setpriv", fileName);
        Assert.Equal(["--reuid=postgres", "--regid=postgres", "--init-groups", "--", "/usr/bin/initdb", "-D", "/data"], arguments);
    }

    [Fact]
    public void Knows_whether_a_user_exists()
    {
        Assert.True(ServiceAccount.Exists("root"));
        Assert.False(ServiceAccount.Exists("no-such-user-" + Guid.NewGuid().ToString("N")[..8]));
    }
}
