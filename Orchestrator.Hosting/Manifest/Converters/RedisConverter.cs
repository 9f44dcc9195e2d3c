using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>{"type": "redis", "password": {"secret": "cache-password"}}</c></summary>
internal sealed class RedisConverter : IManifestResourceConverter
{
    public string Type => "redis";

    public IReadOnlySet<string> Properties { get; } = new HashSet<string> { PasswordProperty.Name };

    public bool CanWrite(IResource resource) => resource is RedisResource;

    public void Write(IResource resource, JsonObject target, ManifestWriteContext context)
    {
        var redis = (RedisResource)resource;
        PasswordProperty.Write(target, redis.Password, redis.PasswordSecretName);
    }

    public IResource Create(string name, JsonObject source, ManifestReadContext context) =>
        new RedisResource(name, PasswordProperty.Read(source, name, context));
}
