using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>{"type": "postgres.database", "server": "pg", "databaseName": "catalog"}</c></summary>
internal sealed class PostgresDatabaseConverter : IManifestResourceConverter
{
    private const string ServerProperty = "server";
    private const string DatabaseNameProperty = "databaseName";

    public string Type => "postgres.database";

    public IReadOnlySet<string> Properties { get; } = new HashSet<string> { ServerProperty, DatabaseNameProperty };

    public bool CanWrite(IResource resource) => resource is PostgresDatabaseResource;

    public void Write(IResource resource, JsonObject target, ManifestWriteContext context)
    {
        var database = (PostgresDatabaseResource)resource;
        target[ServerProperty] = database.Server.Name;
        target[DatabaseNameProperty] = database.DatabaseName;
    }

    public IResource Create(string name, JsonObject source, ManifestReadContext context)
    {
        var where = ManifestJson.Where(source, ServerProperty);
        var serverName = ManifestJson.RequiredString(source, ServerProperty);
        var server = context.GetResource(serverName, where) as PostgresServerResource
            ?? throw new InvalidManifestException($"{where} names '{serverName}', which is not a postgres server.");
        var database = new PostgresDatabaseResource(name, ManifestJson.RequiredString(source, DatabaseNameProperty), server);
        // As AddDatabase does: the server learns its databases so that it creates them once healthy.
        server.Databases[name] = database.DatabaseName;
        return database;
    }
}
