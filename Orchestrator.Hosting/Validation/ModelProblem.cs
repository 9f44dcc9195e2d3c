namespace Orchestrator.Hosting.Validation;

/// <summary>One problem in the model: the resource it concerns and what to do about it.</summary>
public sealed record ModelProblem(string ResourceName, string Message)
{
    public override string ToString() => Message;
}
