using System.Text.RegularExpressions;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>Names become process names, directory names, DNS-like service names and variable names, so they are kept plain and unique.</summary>
internal sealed partial class ResourceNameRule : IModelRule
{
    public IEnumerable<ModelProblem> Check(DistributedApplicationModel model)
    {
        var firstByName = new Dictionary<string, IResource>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in model.Resources)
        {
            if (!IsValid(resource.Name))
            {
                yield return new ModelProblem(resource.Name,
                    $"Resource '{resource.Name}' has an invalid name. A name starts with a lower-case letter, " +
                    "holds only lower-case letters, digits and dashes, does not end with a dash, and is at most 63 characters long. Rename it.");
            }

            if (firstByName.TryGetValue(resource.Name, out var first))
            {
                var same = string.Equals(first.Name, resource.Name, StringComparison.Ordinal)
                    ? "twice"
                    : $"twice, as '{first.Name}' and '{resource.Name}' (names are compared ignoring case)";
                yield return new ModelProblem(resource.Name,
                    $"Resource '{resource.Name}' is declared {same}. Give each resource its own name.");
            }
            else
            {
                firstByName.Add(resource.Name, resource);
            }
        }
    }

    /// <summary>True when <paramref name="name"/> is a valid resource name.</summary>
    public static bool IsValid(string name) => NamePattern().IsMatch(name) && !name.EndsWith('-');

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
