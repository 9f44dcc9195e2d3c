using System.Security.Cryptography;

namespace Orchestrator.Hosting.Secrets;

/// <summary>Keeps each secret in its own file (mode 0600) in a directory of mode 0700.</summary>
public sealed class FileSecretStore(string directory) : ISecretStore
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private const int SecretLength = 32;
    private readonly object _lock = new();

    /// <inheritdoc />
    public string GetOrCreate(string name)
    {
        var path = GetPath(name);
        lock (_lock)
        {
            if (File.Exists(path))
            {
                return File.ReadAllText(path).Trim();
            }

            Directory.CreateDirectory(directory);
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var secret = RandomNumberGenerator.GetString(Alphabet, SecretLength);
            // Created with 0600 from the start, so the secret is never readable by others, not even briefly.
            using (var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(secret);
            }

            return secret;
        }
    }

    /// <inheritdoc />
    public string GetPath(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.'))
        {
            throw new ArgumentException($"Secret name '{name}' must be a plain file name.", nameof(name));
        }

        return Path.Combine(directory, name);
    }
}
