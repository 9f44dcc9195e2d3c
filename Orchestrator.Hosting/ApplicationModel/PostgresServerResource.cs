using Npgsql;

namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server run natively from Debian's packages, with a persistent data directory.</summary>
public sealed class PostgresServerResource(string name, string? password)
    : Resource(name), IResourceWithEndpoints, IResourceWithEnvironment, IResourceWithConnectionString
{
    /// <summary>The name of the endpoint the server listens on.</summary>
    public const string PrimaryEndpointName = "tcp";

    /// <summary>The superuser's name.</summary>
    public string UserName => "postgres";

    /// <summary>A password the AppHost fixed, or null for a generated one kept in the secret store.</summary>
    public string? Password { get; } = password;

    /// <summary>The name under which a generated password is kept in the secret store.</summary>
    public string PasswordSecretName => $"{Name}-password";

    /// <summary>The databases declared with <c>AddDatabase</c>, by resource name.</summary>
    public IDictionary<string, string> Databases { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <inheritdoc />
    public string GetConnectionString(ResourceRuntimeContext context) => GetConnectionString(context, database: null);

    /// <summary>
    /// A connection string for this server, to <paramref name="database"/> when given. Built by Npgsql's own
    /// builder so that a fixed password with <c>;</c>, <c>=</c> or quotes in it is quoted rather than
    /// breaking the string.
    /// </summary>
    internal string GetConnectionString(ResourceRuntimeContext context, string? database)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint(this, PrimaryEndpointName, replica: 0);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = endpoint.Host,
            Port = endpoint.Port,
            Username = UserName,
            Password = Password ?? context.Secrets.GetOrCreate(PasswordSecretName),
        };
        if (database is not null)
        {
            builder.Database = database;
        }

        return builder.ConnectionString;
    }
}
