using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Api.Http;

/// <summary>Reads route and query values with a 400 that names the parameter when one is wrong.</summary>
internal static partial class ApiQuery
{
    /// <summary>True when <paramref name="name"/> is a valid resource name (the model's rule).</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>A 400 for an invalid resource name in <paramref name="field"/>, or null when it is valid.</summary>
    public static IResult? CheckName(string? name, string field = "name") =>
        IsValidName(name) ? null : ApiProblems.BadRequest(field, "A resource name is 1-63 lowercase letters, digits and '-', starting with a letter.");

    /// <summary>An integer in <paramref name="min"/>..<paramref name="max"/>, <paramref name="fallback"/> when absent.</summary>
    public static (int Value, IResult? Problem) Integer(string? text, string field, int min, int max, int fallback)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (fallback, null);
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? (value, null)
            : (fallback, ApiProblems.BadRequest(field, $"'{field}' must be a whole number from {min} to {max}."));
    }

    /// <summary>An ISO 8601 time, or null when absent.</summary>
    public static (DateTimeOffset? Value, IResult? Problem) Time(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? (value, null)
            : (null, ApiProblems.BadRequest(field, $"'{field}' must be an ISO 8601 time such as 2026-01-31T12:00:00Z."));
    }

    /// <summary>A value that must be one of <paramref name="allowed"/> (case-insensitive), or null when absent.</summary>
    public static (string? Value, IResult? Problem) OneOf(string? text, string field, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? (match, null)
            : (null, ApiProblems.BadRequest(field, $"'{field}' must be one of: {string.Join(", ", allowed)}."));
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
