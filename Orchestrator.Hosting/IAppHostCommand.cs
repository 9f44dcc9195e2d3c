namespace Orchestrator.Hosting;

/// <summary>
/// A command the AppHost runs instead of launching the model: the orchestrator's command line registers
/// one when the AppHost's arguments start with a subcommand (<c>dotnet run --project AppHost -- status</c>).
/// Its registration is also the marker that defers validation: <see cref="IDistributedApplicationBuilder.Build"/>
/// does not throw for an invalid model, so that <c>validate</c> can report the problems itself.
/// </summary>
public interface IAppHostCommand
{
    /// <summary>Runs the command; the result is the process's exit code.</summary>
    Task<int> RunAsync(DistributedApplication application, CancellationToken cancellationToken);
}
