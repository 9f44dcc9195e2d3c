namespace Orchestrator.Api.CommandLine;

/// <summary>Writes rows as columns aligned with spaces: what a person reads in a terminal.</summary>
internal static class TextTable
{
    private const string Gap = "  ";

    /// <summary>
    /// Writes <paramref name="headers"/> and <paramref name="rows"/>; the last column is not padded, so long text (URLs,
    /// messages) runs on. With no rows, writes <paramref name="empty"/> instead, when given.
    /// </summary>
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? empty = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        if (all.Count == 1 && empty is not null)
        {
            output.WriteLine(empty);
            return;
        }

        var widths = new int[headers.Count];
        foreach (var row in all)
        {
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells for {headers.Count} columns.", nameof(rows));
            }

            for (var i = 0; i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in all)
        {
            var cells = row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i]));
            output.WriteLine(string.Join(Gap, cells).TrimEnd());
        }
    }
}
