namespace Orchestrator.Hosting.Manifest;

/// <summary>A manifest could not be read: bad JSON, an unsupported version, or content that does not describe a model. The message says where and what.</summary>
public sealed class InvalidManifestException : Exception
{
    public InvalidManifestException(string message)
        : base(message)
    {
    }

    public InvalidManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
