namespace Orchestrator.Hosting.Validation;

/// <summary>The model is invalid; <see cref="Problems"/> lists each problem, and the message has one line per problem.</summary>
public sealed class DistributedApplicationValidationException(IReadOnlyList<ModelProblem> problems)
    : Exception(FormatMessage(problems))
{
    public IReadOnlyList<ModelProblem> Problems { get; } = problems;

    private static string FormatMessage(IReadOnlyList<ModelProblem> problems) =>
        $"The application model has {problems.Count} problem(s); nothing was started:" + System.Environment.NewLine
        + string.Join(System.Environment.NewLine, problems.Select(p => $"  - {p.Message}"));
}
