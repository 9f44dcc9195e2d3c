using System.Globalization;
using System.Text;

namespace Orchestrator.Hosting.Redis;

/// <summary>
/// A Redis connection string in Aspire's format, <c>host:port,password=...</c> (StackExchange.Redis's options
/// after the first comma). A value that holds a <c>,</c>, <c>=</c> or <c>"</c>, or starts or ends with white
/// space, is written in double quotes with each quote doubled, as ADO.NET connection strings quote values, so
/// that <see cref="Parse"/> gives it back as it was. StackExchange.Redis has no such syntax (its parser splits
/// at every comma): a client of that library needs a password without <c>,</c>.
/// </summary>
public sealed class RespConnectionString
{
    /// <summary>The port when the string names none.</summary>
    public const int DefaultPort = 6379;

    private const string PasswordKey = "password";

    /// <summary>Creates one from its parts.</summary>
    public RespConnectionString(string host, int port, string? password)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        Host = host;
        Port = port;
        Password = password;
    }

    /// <summary>The server's host name or address (IPv6 without brackets).</summary>
    public string Host { get; }

    /// <summary>The server's port.</summary>
    public int Port { get; }

    /// <summary>The password, or null.</summary>
    public string? Password { get; }

    /// <summary>Reads <c>host[:port][,password=...][,other=...]</c>; options other than the password are ignored.</summary>
    /// <exception cref="FormatException">The port is not a number, or a quote is not closed.</exception>
    public static RespConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var parts = Split(connectionString);
        var hostPort = parts.Count > 0 ? parts[0] : string.Empty;
        var colon = hostPort.LastIndexOf(':');
        var bracketed = hostPort.StartsWith('[');
        // "[::1]:6379" is IPv6 with a port; a bare "::1" has colons but no port.
        var hasPort = colon > 0 && (!bracketed || hostPort[colon - 1] == ']') && (bracketed || hostPort.IndexOf(':') == colon);
        var host = (hasPort ? hostPort[..colon] : hostPort).Trim('[', ']');
        var port = hasPort
            ? int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new FormatException($"The Redis connection string's port '{hostPort[(colon + 1)..]}' is not a number.")
            : DefaultPort;
        string? password = null;
        foreach (var option in parts.Skip(1))
        {
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && option[..equals].Trim().Equals(PasswordKey, StringComparison.OrdinalIgnoreCase))
            {
                password = Unquote(option[(equals + 1)..].Trim());
            }
        }

        return new RespConnectionString(host, port, password);
    }

    /// <summary>The connection string, the password quoted when it must be.</summary>
    public string Format()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        var text = string.Create(CultureInfo.InvariantCulture, $"{host}:{Port}");
        return Password is null ? text : $"{text},{PasswordKey}={Quote(Password)}";
    }

    /// <summary>Never the password: this string may end up in a log.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    internal static string Quote(string value) =>
        value.Length > 0 && (value.AsSpan().IndexOfAny(",=\"") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"'
            ? value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
            : value;

    // Commas inside double quotes belong to the value; a doubled quote inside them is a quote.
    private static List<string> Split(string connectionString)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        var quoted = false;
        foreach (var c in connectionString)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                Add(parts, part);
            }
            else
            {
                part.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException("A quoted value of the Redis connection string is not closed.");
        }

        Add(parts, part);
        return parts;
    }

    private static void Add(List<string> parts, StringBuilder part)
    {
        var text = part.ToString().Trim();
        if (text.Length > 0)
        {
            parts.Add(text);
        }

        part.Clear();
    }
}
