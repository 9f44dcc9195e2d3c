using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>The files a resource needs exist before anything starts: its project file, its program, its working directory.</summary>
internal sealed class FileSystemRule(string? searchPath) : IModelRule
{
    public IEnumerable<ModelProblem> Check(DistributedApplicationModel model)
    {
        foreach (var resource in model.Resources)
        {
            switch (resource)
            {
                case ProjectResource project when !File.Exists(project.ProjectPath):
                    yield return new ModelProblem(resource.Name,
                        $"Resource '{resource.Name}' runs project '{project.ProjectPath}', which does not exist. " +
                        "Fix the path in AddProject (it is relative to the AppHost directory).");
                    break;
                case ExecutableResource executable:
                    foreach (var problem in CheckExecutable(executable))
                    {
                        yield return problem;
                    }

                    break;
            }
        }
    }

    private IEnumerable<ModelProblem> CheckExecutable(ExecutableResource resource)
    {
        var directoryExists = Directory.Exists(resource.WorkingDirectory);
        if (!directoryExists)
        {
            yield return new ModelProblem(resource.Name,
                $"Resource '{resource.Name}' runs in '{resource.WorkingDirectory}', which is not a directory. " +
                "Create it or fix the working directory in AddExecutable (it is relative to the AppHost directory).");
        }

        if (ExecutableLocator.IsPath(resource.Command))
        {
            // Without its working directory a relative command cannot be found; that problem is already named.
            if ((directoryExists || Path.IsPathRooted(resource.Command))
                && ExecutableLocator.Find(resource.Command, resource.WorkingDirectory, searchPath) is null)
            {
                var path = Path.GetFullPath(resource.Command, resource.WorkingDirectory);
                yield return new ModelProblem(resource.Name, File.Exists(path)
                    ? $"Resource '{resource.Name}' runs '{path}', which is not executable. Make it executable (chmod +x)."
                    : $"Resource '{resource.Name}' runs '{path}', which does not exist. Fix the command in AddExecutable (a relative path starts from the working directory).");
            }
        }
        else if (ExecutableLocator.Find(resource.Command, resource.WorkingDirectory, searchPath) is null)
        {
            yield return new ModelProblem(resource.Name,
                $"Resource '{resource.Name}' runs '{resource.Command}', which is not an executable on PATH. " +
                "Install it, or give AddExecutable its path.");
        }
    }
}
