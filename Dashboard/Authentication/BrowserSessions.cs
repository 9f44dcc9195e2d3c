using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Configuration;

namespace Dashboard.Authentication;

/// <summary>
/// The browser token and the sessions it opened. A browser that shows the token once (the login URL the
/// AppHost prints) gets a session cookie; the cookie, not the token, proves every later request.
/// </summary>
public sealed class BrowserSessions(DashboardOptions options, TimeProvider time)
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "dashboard_session";

    private const int MaxSessions = 1000;
    private readonly byte[] _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.BrowserToken));
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="token"/> is the browser token (compared in constant time).</summary>
    public bool IsBrowserToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        // Hashing first makes both sides the same length, so the comparison takes the same time for any input.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), _tokenHash);
    }

    /// <summary>Opens a session and returns its id, the cookie's value.</summary>
    public string Open()
    {
        if (_sessions.Count >= MaxSessions)
        {
            // Many logins (a script, a loop): the oldest sessions go first.
            foreach (var old in _sessions.OrderBy(s => s.Value).Take(_sessions.Count - MaxSessions + 1))
            {
                _sessions.TryRemove(old.Key, out _);
            }
        }

        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _sessions[id] = time.GetUtcNow();
        return id;
    }

    /// <summary>True when the request carries the cookie of an open session.</summary>
    public bool IsAuthenticated(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Cookies.TryGetValue(CookieName, out var id) && !string.IsNullOrEmpty(id) && _sessions.ContainsKey(id);
    }
}
