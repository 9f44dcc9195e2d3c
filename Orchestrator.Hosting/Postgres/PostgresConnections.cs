using Npgsql;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Postgres;

/// <summary>How the drivers themselves reach a PostgreSQL server.</summary>
internal static class PostgresConnections
{
    /// <summary>The superuser's password: the one the AppHost fixed, else the generated one from the secret store.</summary>
    public static string GetPassword(this PostgresServerResource server, ResourceRuntimeContext runtime) =>
        server.Password ?? runtime.Secrets.GetOrCreate(server.PasswordSecretName);

    /// <summary>A connection string for one replica of the server, as the superuser, to <paramref name="database"/>.</summary>
    public static string ForReplica(PostgresServerResource server, ResourceRuntimeContext runtime, int replica, string database)
    {
        var endpoint = runtime.GetEndpoint(server, PostgresServerResource.PrimaryEndpointName, replica);
        // The builder quotes what needs quoting: a password may hold ';' or '='.
        return new NpgsqlConnectionStringBuilder
        {
            Host = endpoint.Host,
            Port = endpoint.Port,
            Username = server.UserName,
            Password = server.GetPassword(runtime),
            Database = database,
        }.ConnectionString;
    }
}
