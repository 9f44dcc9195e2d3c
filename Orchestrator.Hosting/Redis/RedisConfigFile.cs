using System.Globalization;
using System.Text;

namespace Orchestrator.Hosting.Redis;

/// <summary>
/// The configuration file a Redis server starts from. It holds the password, so it is written with mode
/// 0600 and the password never appears on a command line.
/// </summary>
internal static class RedisConfigFile
{
    /// <summary>The file's name in the resource's data directory.</summary>
    public const string FileName = "redis.conf";

    /// <summary>The configuration: loopback only, password required, append-only persistence in <paramref name="dataDirectory"/>, no RDB snapshots.</summary>
    public static string Render(string bindAddress, int port, string password, string dataDirectory)
    {
        var text = new StringBuilder();
        text.AppendLine("# Written by the AppHost on every launch; changes are overwritten.");
        text.AppendLine(CultureInfo.InvariantCulture, $"port {port}");
        text.AppendLine(CultureInfo.InvariantCulture, $"bind {Quote(bindAddress)}");
        text.AppendLine("protected-mode yes");
        text.AppendLine(CultureInfo.InvariantCulture, $"requirepass {Quote(password)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"dir {Quote(dataDirectory)}");
        text.AppendLine("daemonize no");
        text.AppendLine("logfile \"\"");
        text.AppendLine("appendonly yes");
        text.AppendLine("save \"\"");
        return text.ToString();
    }

    /// <summary>Writes the file with mode 0600, replacing the previous one in one step.</summary>
    public static void Write(string path, string content)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Quotes a value the way Redis's config parser reads it: double quotes, with backslash escapes.</summary>
    internal static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
