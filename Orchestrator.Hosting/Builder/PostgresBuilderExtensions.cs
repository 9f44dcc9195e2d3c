using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>Adds PostgreSQL servers and databases, run natively from Debian's packages.</summary>
public static class PostgresBuilderExtensions
{
    /// <summary>
    /// Adds a PostgreSQL server with a persistent data directory under the state directory.
    /// <code>var postgres = builder.AddPostgres("postgres");</code>
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource's name.</param>
    /// <param name="password">The superuser's password; generated and kept in the secret store when null.</param>
    /// <param name="port">A fixed port; a free one when null.</param>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(
        this IDistributedApplicationBuilder builder, string name, string? password = null, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new PostgresServerResource(name, password))
            .WithAnnotation(new EndpointAnnotation(PostgresServerResource.PrimaryEndpointName, "tcp", port))
            .WithAnnotation(new LaunchPhaseAnnotation(Phase: 0));
    }

    /// <summary>
    /// Adds a database to the server, created once the server is healthy.
    /// <code>var catalogDb = postgres.AddDatabase("catalogdb");</code>
    /// </summary>
    /// <param name="builder">The server's builder.</param>
    /// <param name="name">The resource's name.</param>
    /// <param name="databaseName">The database's name in the server; the resource's name when null.</param>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases[name] = database.DatabaseName;
        return builder.ApplicationBuilder.AddResource(database)
            .WithAnnotation(new LaunchPhaseAnnotation(Phase: 0));
    }
}
