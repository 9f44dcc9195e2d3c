using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Healing;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Http;

/// <summary>
/// Runs operators' commands in the background (the API answers 202 at once): start and stop through the
/// executor, restart and release through the healer. One command per resource at a time; a command that
/// makes no sense in the resource's state is refused before it starts.
/// </summary>
internal sealed class ResourceCommands : IDisposable
{
    private readonly ResourceCatalog _catalog;
    private readonly ResourceNotificationService _notifications;
    private readonly Healer _healer;
    private readonly IResourceExecutor _executor;
    private readonly ILogger<ResourceCommands> _logger;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenRegistration _onStopping;

    public ResourceCommands(ResourceCatalog catalog, ResourceNotificationService notifications, Healer healer, IResourceExecutor executor,
        IHostApplicationLifetime lifetime, ILogger<ResourceCommands> logger)
    {
        _catalog = catalog;
        _notifications = notifications;
        _healer = healer;
        _executor = executor;
        _logger = logger;
        // Nothing an operator asked for may start a process once the AppHost shuts down.
        _onStopping = lifetime.ApplicationStopping.Register(_stopping.Cancel);
    }

    public CommandVerdict Check(ApiResource resource, ResourceCommand command)
    {
        if (resource.IsExternal || resource.Model is null)
        {
            return CommandVerdict.Conflict(command == ResourceCommand.Release
                ? $"'{resource.Name}' is an external service; it is never quarantined, so there is nothing to release."
                : $"'{resource.Name}' is an external service: the orchestrator monitors it but cannot {command.ToString().ToLowerInvariant()} it.");
        }

        if (_running.ContainsKey(resource.Name))
        {
            return CommandVerdict.Conflict($"A command on '{resource.Name}' is still running; try again once it is done.");
        }

        var snapshots = _notifications.GetSnapshots(resource.Name);
        var quarantined = _healer.GetStatus(resource.Name)?.IsQuarantined == true || snapshots.Any(s => s.State == KnownResourceState.Quarantined);
        var active = snapshots.Any(s => s.IsActive || s.State == KnownResourceState.Waiting);
        // A replica the healer is bringing back would be started twice: the healer's start and this one.
        var healing = _healer.GetStatus(resource.Name)?.Replicas.Any(r => r.Phase is not (ReplicaHealingPhase.Idle or ReplicaHealingPhase.Stopped
            or ReplicaHealingPhase.Quarantined or ReplicaHealingPhase.Stabilizing or ReplicaHealingPhase.Verifying)) == true;
        return command switch
        {
            _ when quarantined && command != ResourceCommand.Release =>
                CommandVerdict.Conflict($"'{resource.Name}' is quarantined; release it to start it again."),
            ResourceCommand.Start when active => CommandVerdict.Conflict($"'{resource.Name}' is already running."),
            ResourceCommand.Start when healing => CommandVerdict.Conflict($"The healer is restarting '{resource.Name}'; it starts on its own."),
            ResourceCommand.Stop when !active => CommandVerdict.Conflict($"'{resource.Name}' is not running."),
            ResourceCommand.Restart when !active => CommandVerdict.Conflict($"'{resource.Name}' is not running; start it instead."),
            ResourceCommand.Release when !quarantined => CommandVerdict.Conflict($"'{resource.Name}' is not quarantined."),
            ResourceCommand.Restart or ResourceCommand.Release when !_healer.IsRunning =>
                CommandVerdict.Unavailable("The healer is not running yet (the launch is still going on) or any more (the AppHost is stopping)."),
            _ => CommandVerdict.Allowed,
        };
    }

    /// <summary>Runs <paramref name="command"/> on <paramref name="resource"/> in the background; false when another command holds it.</summary>
    public bool TryRun(ApiResource resource, ResourceCommand command) =>
        TryRun([resource], command);

    /// <summary>Runs <paramref name="command"/> on each resource in order, one after the other, in the background.</summary>
    public bool TryRun(IReadOnlyList<ApiResource> resources, ResourceCommand command)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claimed = new List<string>();
        foreach (var resource in resources)
        {
            if (!_running.TryAdd(resource.Name, gate.Task))
            {
                foreach (var name in claimed)
                {
                    _running.TryRemove(name, out _);
                }

                return false;
            }

            claimed.Add(resource.Name);
        }

        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var resource in resources)
                {
                    await RunAsync(resource, command).ConfigureAwait(false);
                    _running.TryRemove(resource.Name, out _);
                }
            }
            finally
            {
                foreach (var name in claimed)
                {
                    _running.TryRemove(name, out _);
                }

                gate.TrySetResult();
            }
        }, CancellationToken.None);
        return true;
    }

    public void Dispose()
    {
        _onStopping.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunAsync(ApiResource resource, ResourceCommand command)
    {
        var token = _stopping.Token;
        _logger.LogInformation("Operator command {Command} on {Resource}", command, resource.Name);
        try
        {
            var model = resource.Model!;
            await (command switch
            {
                ResourceCommand.Start => _executor.StartAsync(model, token),
                ResourceCommand.Stop => _executor.StopAsync(model, token),
                ResourceCommand.Restart => _healer.RestartAsync(model.Name, token),
                ResourceCommand.Release => _healer.ReleaseAsync(model.Name, token),
                _ => Task.CompletedTask,
            }).ConfigureAwait(false);
            _logger.LogInformation("Operator command {Command} on {Resource} done", command, resource.Name);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            _logger.LogInformation("Operator command {Command} on {Resource} abandoned: the AppHost is stopping", command, resource.Name);
        }
        catch (Exception ex)
        {
            // The resource's snapshots and the healer show the failure; the command itself only reports it.
            _logger.LogWarning(ex, "Operator command {Command} on {Resource} failed: {Message}", command, resource.Name, ex.Message);
        }
    }

    /// <summary>The model's resources in launch order (dependencies first).</summary>
    public IReadOnlyList<ApiResource> InLaunchOrder() =>
        _catalog.Plan.Resources.Select(r => _catalog.Find(r.Name)).OfType<ApiResource>().ToList();
}
