using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Hosting.Postgres;

/// <summary>
/// Remembers which password a cluster's superuser has, without keeping the password: a salted PBKDF2
/// hash in a 0600 file beside the cluster. It lets the driver notice that the AppHost now fixes another
/// password than the one the cluster was made with, and set the new one instead of failing every
/// connection with "password authentication failed".
/// </summary>
internal static class PasswordFingerprint
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>True when <paramref name="path"/> holds a fingerprint of <paramref name="password"/>.</summary>
    public static bool Matches(string path, string password)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var parts = File.ReadAllText(path).Trim().Split(':');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Writes a fingerprint of <paramref name="password"/> to <paramref name="path"/>, mode 0600 from the first byte.</summary>
    public static void Write(string path, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        var text = string.Join(':', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
        var temporary = path + ".tmp";
        File.Delete(temporary);
        using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        File.Move(temporary, path, overwrite: true);
    }
}
