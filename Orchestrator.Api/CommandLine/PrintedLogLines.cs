using System.Text.Json;

namespace Orchestrator.Api.CommandLine;

/// <summary>
/// What <c>logs --follow</c> has printed, so that a line is never printed twice where two sources overlap:
/// the tail and the live lines of one connection, or the lines before and after a reconnect.
/// </summary>
internal sealed class PrintedLogLines
{
    // Overlaps are at most a tail long (10,000 lines); older lines are told apart by their timestamp.
    private const int Remembered = 10_000;

    private readonly HashSet<string> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>The newest timestamp printed so far, or null before the first line.</summary>
    public DateTimeOffset? Newest { get; private set; }

    /// <summary>True when <paramref name="line"/> was printed, or is older than <paramref name="floor"/>.</summary>
    public bool Contains(JsonElement line, DateTimeOffset? floor) =>
        _recent.Contains(Identity(line)) || (floor is { } oldest && Timestamp(line) < oldest);

    /// <summary>Remembers a line just printed.</summary>
    public void Add(JsonElement line)
    {
        var identity = Identity(line);
        if (_recent.Add(identity))
        {
            _order.Enqueue(identity);
            if (_order.Count > Remembered)
            {
                _recent.Remove(_order.Dequeue());
            }
        }

        if (Timestamp(line) is { } time && (Newest is null || time > Newest))
        {
            Newest = time;
        }
    }

    private static string Identity(JsonElement line) =>
        $"{JsonText.Of(line, "timestamp")}\n{JsonText.Of(line, "replica")}\n{JsonText.Of(line, "text")}";

    private static DateTimeOffset? Timestamp(JsonElement line) =>
        JsonText.Get(line, "timestamp") is { ValueKind: JsonValueKind.String } value && value.TryGetDateTimeOffset(out var time) ? time : null;
}
