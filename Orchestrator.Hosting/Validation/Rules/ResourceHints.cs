using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>The AppHost line that would add a resource like the one a message is about.</summary>
internal static class ResourceHints
{
    public static string HowToAdd(IResource resource) => resource switch
    {
        PostgresDatabaseResource database => $"AddPostgres(...).AddDatabase(\"{database.Name}\")",
        PostgresServerResource => $"AddPostgres(\"{resource.Name}\")",
        RedisResource => $"AddRedis(\"{resource.Name}\")",
        ProjectResource => $"AddProject(\"{resource.Name}\", ...)",
        ExecutableResource => $"AddExecutable(\"{resource.Name}\", ...)",
        _ => $"builder.AddResource(...) (a {resource.GetType().Name} named '{resource.Name}')",
    };
}
