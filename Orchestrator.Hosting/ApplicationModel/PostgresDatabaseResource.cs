namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A database inside a <see cref="PostgresServerResource"/>, created once the server is healthy.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent, IResourceWithConnectionString
{
    /// <summary>The database's name inside the server.</summary>
    public string DatabaseName { get; } = databaseName;

    /// <summary>The server that hosts the database.</summary>
    public PostgresServerResource Server { get; } = parent;

    IResource IResourceWithParent.Parent => Server;

    /// <inheritdoc />
    public string GetConnectionString(ResourceRuntimeContext context) =>
        Server.GetConnectionString(context, DatabaseName);
}
