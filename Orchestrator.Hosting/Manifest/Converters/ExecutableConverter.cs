using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>
/// <c>{"type": "executable", "command": "python3", "workingDirectory": "../worker"}</c>. The command is
/// written as the AppHost gave it: a relative command starts from the working directory, not the manifest.
/// </summary>
internal sealed class ExecutableConverter : IManifestResourceConverter
{
    private const string CommandProperty = "command";
    private const string WorkingDirectoryProperty = "workingDirectory";

    public string Type => "executable";

    public IReadOnlySet<string> Properties { get; } = new HashSet<string> { CommandProperty, WorkingDirectoryProperty };

    // Exactly this type: a subclass may carry state this converter would silently drop.
    public bool CanWrite(IResource resource) => resource.GetType() == typeof(ExecutableResource);

    public void Write(IResource resource, JsonObject target, ManifestWriteContext context)
    {
        var executable = (ExecutableResource)resource;
        target[CommandProperty] = executable.Command;
        target[WorkingDirectoryProperty] = context.WritePath(executable.WorkingDirectory);
    }

    public IResource Create(string name, JsonObject source, ManifestReadContext context) =>
        new ExecutableResource(
            name,
            ManifestJson.RequiredString(source, CommandProperty),
            context.ReadPath(ManifestJson.RequiredString(source, WorkingDirectoryProperty)));
}
