using System.Runtime.InteropServices;
using Orchestrator.Hosting;

namespace Orchestrator.Api.CommandLine;

/// <summary>The AppHost's subcommand, run by <see cref="DistributedApplication.Run"/> instead of the launch.</summary>
internal sealed class AppHostCommandLine(IReadOnlyList<string> args) : IAppHostCommand
{
    public async Task<int> RunAsync(DistributedApplication application, CancellationToken cancellationToken)
    {
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Ctrl+C ends logs --follow cleanly (exit 0) rather than killing the process mid-line.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        return await OrchestratorCommandLine.RunAsync(application, args, Console.Out, Console.Error, interrupted.Token).ConfigureAwait(false);

        void Interrupt(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupted.Cancel();
        }
    }
}
