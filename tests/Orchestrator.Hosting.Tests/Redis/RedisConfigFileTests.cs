using Orchestrator.Hosting.Redis;

namespace Orchestrator.Hosting.Tests.Redis;

public sealed class RedisConfigFileTests
{
    [Fact]
    public void Quotes_values_so_that_spaces_quotes_and_backslashes_survive()
    {
        Assert.Equal("\"a b\\\"c\\\\d\"", RedisConfigFile.Quote("a b\"c\\d"));
    }

    [Fact]
    public void Persists_with_the_append_only_file_only()
    {
        var text = RedisConfigFile.Render("127.0.0.1", 6390, "secret", "/data/cache");

        Assert.Contains("appendonly yes", text);
        Assert.Contains("save \"\"", text);
        Assert.Contains("dir \"/data/cache\"", text);
        Assert.Contains("port 6390", text);
        Assert.Contains("bind \"127.0.0.1\"", text);
        Assert.Contains("requirepass \"secret\"", text);
        Assert.Contains("daemonize no", text);
        Assert.Contains("protected-mode yes", text);
    }

    [Fact]
    public void Writes_the_file_readable_by_its_owner_only_even_when_replacing_one()
    {
        var directory = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var path = Path.Combine(directory, RedisConfigFile.FileName);
            File.WriteAllText(path, "old");
            File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);

            RedisConfigFile.Write(path, "port 1");

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal("port 1", File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
