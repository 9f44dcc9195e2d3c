using System.Security.Cryptography;
using System.Text;
using Dashboard.Configuration;

namespace Dashboard.Authentication;

/// <summary>
/// The browser token and the session it opens. A browser that shows the token once (the login URL the
/// AppHost prints) gets a session cookie; the cookie, not the token, proves every later request. The
/// cookie's value is derived from the token, so a dashboard restarted by its supervisor still knows it.
/// </summary>
public sealed class BrowserSessions(DashboardOptions options)
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "dashboard_session";

    private readonly byte[] _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.BrowserToken));
    private readonly string _session = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.BrowserToken), "dashboard-session/v1"u8));

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

    /// <summary>The session cookie's value.</summary>
    public string Open() => _session;

    /// <summary>True when the request carries the session cookie.</summary>
    public bool IsAuthenticated(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Cookies.TryGetValue(CookieName, out var value) && !string.IsNullOrEmpty(value)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(value)), SHA256.HashData(Encoding.UTF8.GetBytes(_session)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
