namespace Orchestrator.Hosting.Secrets;

/// <summary>Generated secrets, each generated once, stored with 0600 permissions and reused on later runs.</summary>
public interface ISecretStore
{
    /// <summary>The secret named <paramref name="name"/>, generated and stored on first use.</summary>
    string GetOrCreate(string name);

    /// <summary>The path of the file that holds the secret (to tell a user where to find it, never its value).</summary>
    string GetPath(string name);
}
