using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Postgres;

namespace Orchestrator.Hosting.Tests.Postgres;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory().FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Names_the_package_to_install_when_postgres_is_missing()
    {
        var binaries = new PostgresBinaries([_root]);

        var error = Assert.Throws<ServerBinariesNotFoundException>(binaries.Locate);

        Assert.Contains("apt-get install postgresql", error.Message);
        Assert.Equal("postgresql", error.Package);
    }

    [Fact]
    public void Picks_the_newest_version_by_number_not_by_name()
    {
        Install("9.6");
        Install("15");
        Install("13");

        var installation = new PostgresBinaries([_root]).Locate();

        Assert.Equal("15", installation.Version);
        Assert.Equal(Path.Combine(_root, "15", "bin", "postgres"), installation.Postgres);
        Assert.Equal(Path.Combine(_root, "15", "bin", "initdb"), installation.InitDb);
    }

    [Fact]
    public void Skips_a_version_without_its_server_programs()
    {
        Install("15");
        Directory.CreateDirectory(Path.Combine(_root, "16", "bin"));
        File.WriteAllText(Path.Combine(_root, "16", "bin", "psql"), "");

        var installation = new PostgresBinaries([_root]).Locate();

        Assert.Equal("15", installation.Version);
    }

    private void Install(string version)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root, version, "bin")).FullName;
        File.WriteAllText(Path.Combine(bin, "postgres"), "");
        File.WriteAllText(Path.Combine(bin, "initdb"), "");
    }
}
