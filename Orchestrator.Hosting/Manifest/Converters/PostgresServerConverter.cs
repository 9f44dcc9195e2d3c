using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>{"type": "postgres", "password": {"secret": "pg-password"}}</c>; its databases are resources of their own.</summary>
internal sealed class PostgresServerConverter : IManifestResourceConverter
{
    public string Type => "postgres";

    public IReadOnlySet<string> Properties { get; } = new HashSet<string> { PasswordProperty.Name };

    public bool CanWrite(IResource resource) => resource is PostgresServerResource;

    public void Write(IResource resource, JsonObject target, ManifestWriteContext context)
    {
        var server = (PostgresServerResource)resource;
        PasswordProperty.Write(target, server.Password, server.PasswordSecretName);
    }

    public IResource Create(string name, JsonObject source, ManifestReadContext context) =>
        new PostgresServerResource(name, PasswordProperty.Read(source, name, context));
}
