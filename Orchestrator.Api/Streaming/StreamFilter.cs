using System.Collections.Immutable;

namespace Orchestrator.Api.Streaming;

/// <summary>
/// What one client asked to see: <c>?resources=a,b&amp;types=resource.state,replica</c>. An empty set
/// means everything. Messages about no resource (a host alert) pass only when no resource is named.
/// The snapshot, log lines and errors are never filtered by type.
/// </summary>
/// <param name="Resources">The resources named, or empty for all.</param>
/// <param name="Types">The message types named (<see cref="StreamMessageTypes.Filterable"/>), or empty for all.</param>
public sealed record StreamFilter(ImmutableHashSet<string> Resources, ImmutableHashSet<string> Types)
{
    /// <summary>The filter that lets everything through.</summary>
    public static StreamFilter All { get; } = new([], []);

    /// <summary>
    /// Reads the query's comma-separated lists. Unknown resources are allowed (they may be registered
    /// later); an unknown type is an error in <paramref name="errors"/>, keyed <c>types</c>.
    /// </summary>
    public static bool TryParse(string? resources, string? types, out StreamFilter filter, out IReadOnlyDictionary<string, string[]> errors)
    {
        var typeSet = Split(types);
        var unknown = typeSet.Where(t => !StreamMessageTypes.Filterable.Contains(t)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            filter = All;
            errors = new Dictionary<string, string[]>
            {
                ["types"] = [.. unknown.Select(t =>
                    $"Unknown type '{t}'. Known types: {string.Join(", ", StreamMessageTypes.Filterable.Order(StringComparer.Ordinal))}.")],
            };
            return false;
        }

        filter = new StreamFilter(Split(resources), typeSet);
        errors = new Dictionary<string, string[]>();
        return true;
    }

    /// <summary>True when a message of <paramref name="type"/> about <paramref name="resource"/> (null: about none) passes.</summary>
    public bool Accepts(string type, string? resource) => AcceptsType(type) && AcceptsResource(resource);

    /// <summary>True when messages of <paramref name="type"/> pass.</summary>
    public bool AcceptsType(string type) => Types.IsEmpty || Types.Contains(type);

    /// <summary>True when messages about <paramref name="resource"/> (null: about none) pass.</summary>
    public bool AcceptsResource(string? resource) => Resources.IsEmpty || (resource is not null && Resources.Contains(resource));

    private static ImmutableHashSet<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list)
            ? []
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableHashSet(StringComparer.Ordinal);
}
