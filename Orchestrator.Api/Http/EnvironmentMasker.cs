using System.Text.RegularExpressions;
using Orchestrator.Api.Http.Contracts;

namespace Orchestrator.Api.Http;

/// <summary>
/// Hides secrets in environment listings: a variable whose name says PASSWORD, KEY, TOKEN or SECRET, or whose
/// value is a connection string with a password (<c>Password=</c>, or <c>user:password@</c> in a URL).
/// </summary>
public static partial class EnvironmentMasker
{
    /// <summary>What a masked value shows.</summary>
    public const string MaskedValue = "********";

    private static readonly string[] SecretWords = ["PASSWORD", "KEY", "TOKEN", "SECRET"];

    /// <summary>True when <paramref name="name"/>=<paramref name="value"/> must not be shown.</summary>
    public static bool IsSecret(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase))
            || value.Contains("password=", StringComparison.OrdinalIgnoreCase)
            || value.Contains("pwd=", StringComparison.OrdinalIgnoreCase)
            || UserInfoWithPassword().IsMatch(value);
    }

    /// <summary>The variables in name order, secrets masked.</summary>
    public static IReadOnlyList<EnvironmentEntry> Mask(IEnumerable<KeyValuePair<string, string>> environment) =>
        environment.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => IsSecret(e.Key, e.Value) ? new EnvironmentEntry(e.Key, MaskedValue, true) : new EnvironmentEntry(e.Key, e.Value, false))
            .ToList();

    // scheme://user:password@host, and Redis' own "password@host" form.
    [GeneratedRegex(@"(://[^/@\s]*:[^/@\s]+@)|(^[^/@\s:]+@[^\s]+:\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoWithPassword();
}
