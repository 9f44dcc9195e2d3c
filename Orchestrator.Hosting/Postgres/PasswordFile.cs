using Orchestrator.Hosting.Drivers;

namespace Orchestrator.Hosting.Postgres;

/// <summary>
/// A password handed to a tool through a file (initdb's <c>--pwfile</c>), because a command line is
/// visible to every user. Created with mode 0600 from the first byte, owned by the account that reads
/// it, and deleted on dispose.
/// </summary>
internal sealed class PasswordFile : IAsyncDisposable
{
    private PasswordFile(string path) => Path = path;

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Writes the password to <paramref name="path"/>; <paramref name="owner"/> (when given) becomes its owner.</summary>
    public static async Task<PasswordFile> CreateAsync(string path, string password, ServiceAccount? owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(password);
        File.Delete(path); // left behind by a run that was killed half-way
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        await using (stream.ConfigureAwait(false))
        {
            var writer = new StreamWriter(stream);
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteLineAsync(password.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        var file = new PasswordFile(path);
        try
        {
            if (owner is not null)
            {
                await owner.TakeOwnershipAsync(path, cancellationToken).ConfigureAwait(false);
            }

            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
