using System.Globalization;

namespace Orchestrator.Api.Monitoring;

/// <summary>Reads the <c>Key:   1234 kB</c> lines that /proc/meminfo and /proc/PID/status are made of.</summary>
internal static class ProcText
{
    /// <summary>The value of the line that starts with <paramref name="key"/>, in kB, or null when there is none.</summary>
    public static long? FindKibibytes(string text, string key)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith(key, StringComparison.Ordinal))
            {
                continue;
            }

            var value = line[key.Length..].Trim();
            var space = value.IndexOf(' ');
            var number = space < 0 ? value : value[..space];
            return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib : null;
        }

        return null;
    }
}
