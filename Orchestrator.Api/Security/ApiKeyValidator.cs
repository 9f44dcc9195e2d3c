using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Api.Security;

/// <summary>
/// Tells which role a presented key has. It compares SHA-256 digests in constant time, so neither the
/// keys' contents nor their lengths leak through timing, and it always checks both keys.
/// </summary>
public sealed class ApiKeyValidator
{
    private readonly byte[] _operator;
    private readonly byte[] _viewer;

    /// <summary>Creates a validator of <paramref name="keys"/>.</summary>
    public ApiKeyValidator(ApiKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _operator = Digest(keys.OperatorKey);
        _viewer = Digest(keys.ViewerKey);
    }

    /// <summary>The role of <paramref name="presented"/>, or null when it is no key of this API.</summary>
    public ApiRole? Authenticate(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var digest = Digest(presented);
        var isOperator = CryptographicOperations.FixedTimeEquals(digest, _operator);
        var isViewer = CryptographicOperations.FixedTimeEquals(digest, _viewer);
        return isOperator ? ApiRole.Operator : isViewer ? ApiRole.Viewer : null;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
