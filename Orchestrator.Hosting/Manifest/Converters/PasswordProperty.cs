using System.Text.Json.Nodes;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>
/// A password the AppHost fixed is written as <c>{"secret": "pg-password"}</c>: the secret's name, never
/// its value. A generated password is not written at all; it stays in the state directory's secret store.
/// </summary>
internal static class PasswordProperty
{
    public const string Name = "password";
    private const string SecretProperty = "secret";

    public static void Write(JsonObject target, string? password, string secretName)
    {
        if (password is not null)
        {
            target[Name] = new JsonObject { [SecretProperty] = secretName };
        }
    }

    public static string? Read(JsonObject source, string resourceName, ManifestReadContext context)
    {
        if (source[Name] is null)
        {
            return null;
        }

        var reference = ManifestJson.AsObject(source[Name], ManifestJson.Where(source, Name));
        ManifestJson.RejectUnknown(reference, new HashSet<string> { SecretProperty }, "a password");
        return context.ResolveSecret(ManifestJson.RequiredString(reference, SecretProperty), resourceName);
    }
}
