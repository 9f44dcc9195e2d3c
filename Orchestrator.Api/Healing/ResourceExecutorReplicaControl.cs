using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Healing;

/// <summary>The <see cref="IReplicaControl"/> of the real mechanism: the <see cref="ResourceExecutor"/>.</summary>
/// <param name="executor">The executor that runs the replicas.</param>
public sealed class ResourceExecutorReplicaControl(ResourceExecutor executor) : IReplicaControl
{
    private readonly ResourceExecutor _executor = executor ?? throw new ArgumentNullException(nameof(executor));

    /// <inheritdoc />
    public Task StartAsync(IResource resource, CancellationToken cancellationToken) => _executor.StartAsync(resource, cancellationToken);

    /// <inheritdoc />
    public Task<int> WaitForCompletionAsync(IResource resource, CancellationToken cancellationToken) =>
        _executor.WaitForCompletionAsync(resource, cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(IResource resource, CancellationToken cancellationToken) => _executor.StopAsync(resource, cancellationToken);

    /// <inheritdoc />
    public IReadOnlyList<string> GetLogTail(IResource resource, int lines) => _executor.GetLogTail(resource, lines);

    /// <inheritdoc />
    public Task StartReplicaAsync(IResource resource, int index, CancellationToken cancellationToken) =>
        _executor.StartReplicaAsync(resource, index, cancellationToken);

    /// <inheritdoc />
    public Task StopReplicaAsync(IResource resource, int index, TimeSpan gracePeriod, CancellationToken cancellationToken) =>
        _executor.StopReplicaAsync(resource, index, gracePeriod, cancellationToken);
}
