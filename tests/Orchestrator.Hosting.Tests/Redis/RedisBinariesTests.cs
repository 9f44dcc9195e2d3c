using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Redis;

namespace Orchestrator.Hosting.Tests.Redis;

public sealed class RedisBinariesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory().FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Names_the_package_to_install_when_redis_server_is_missing()
    {
        var binaries = new RedisBinaries([Path.Combine(_root, "bin")]);

        var error = Assert.Throws<ServerBinariesNotFoundException>(binaries.Locate);

        Assert.Contains("apt-get install redis-server", error.Message);
        Assert.Contains(Path.Combine(_root, "bin"), error.Message);
    }

    [Fact]
    public void Finds_redis_server_in_the_first_directory_that_has_it()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        var first = Directory.CreateDirectory(Path.Combine(_root, "first")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(_root, "second")).FullName;
        File.WriteAllText(Path.Combine(first, "redis-server"), "");
        File.WriteAllText(Path.Combine(second, "redis-server"), "");

        var path = new RedisBinaries([empty, first, second]).Locate();

        Assert.Equal(Path.Combine(first, "redis-server"), path);
    }
}
