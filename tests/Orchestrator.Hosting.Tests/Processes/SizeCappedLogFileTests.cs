using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

public sealed class SizeCappedLogFileTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Creates_the_directory_and_writes_a_timestamped_line_per_stream()
    {
        var path = Path.Combine(_directory.Path, "a", "b", "replica.log");
        using (var file = new SizeCappedLogFile(path, 1024))
        {
            file.Write(new LogLine(Noon, false, "hello"));
            file.Write(new LogLine(Noon, true, "oops"));
        }

        Assert.Equal(
            ["2030-01-01T12:00:00.000Z [out] hello", "2030-01-01T12:00:00.000Z [err] oops"],
            File.ReadAllLines(path));
    }

    [Fact]
    public void Appends_to_an_existing_file()
    {
        var path = Path.Combine(_directory.Path, "replica.log");
        File.WriteAllText(path, "earlier\n");
        using (var file = new SizeCappedLogFile(path, 1024))
        {
            file.Write(new LogLine(Noon, false, "later"));
        }

        Assert.Equal(2, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Moves_the_file_to_dot_1_when_the_next_line_would_pass_the_cap()
    {
        var path = Path.Combine(_directory.Path, "replica.log");
        using (var file = new SizeCappedLogFile(path, 100))
        {
            // Each line is 24 (timestamp) + 6 (stream) + 30 + 1 = 61 bytes: the second one does not fit.
            file.Write(new LogLine(Noon, false, new string('1', 30)));
            file.Write(new LogLine(Noon, false, new string('2', 30)));
        }

        Assert.EndsWith(new string('1', 30), File.ReadAllText(path + ".1").TrimEnd());
        Assert.EndsWith(new string('2', 30), File.ReadAllText(path).TrimEnd());
    }

    [Fact]
    public void Keeps_only_one_rotated_file()
    {
        var path = Path.Combine(_directory.Path, "replica.log");
        using (var file = new SizeCappedLogFile(path, 100))
        {
            for (var i = 0; i < 5; i++)
            {
                file.Write(new LogLine(Noon, false, new string((char)('a' + i), 30)));
            }
        }

        Assert.Equal(["replica.log", "replica.log.1"], Directory.GetFiles(_directory.Path).Select(Path.GetFileName).Order());
        Assert.Contains(new string('d', 30), File.ReadAllText(path + ".1"));
    }

    [Fact]
    public void Only_the_owner_can_read_the_file()
    {
        var path = Path.Combine(_directory.Path, "replica.log");
        using (var file = new SizeCappedLogFile(path, 100))
        {
            file.Write(new LogLine(Noon, false, "x"));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    public void Dispose() => _directory.Dispose();
}
