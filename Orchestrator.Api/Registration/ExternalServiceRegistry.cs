using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Balancing;
using Orchestrator.Api.Events;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Registration;

/// <summary>
/// Services registered at run time (type <c>external</c>): one <see cref="ResourceSnapshot"/> per
/// endpoint (<c>{name}-0</c>, <c>{name}-1</c>...), Running from the start, with the health its own
/// HTTP probes find. Status, resources, the stream and the balancer see them like any other resource;
/// nothing ever restarts them. Their endpoints' weights feed weighted balancing.
/// </summary>
public sealed class ExternalServiceRegistry : IExternalServiceRegistry, IReplicaWeightSource, IAsyncDisposable
{
    private readonly ResourceNotificationService _notifications;
    private readonly DistributedApplicationModel? _model;
    private readonly RegistryServices _services;
    private readonly HttpClient _httpClient;
    private readonly ILogger<ExternalServiceRegistry> _logger;
    private readonly ConcurrentDictionary<string, RegisteredService> _registered = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Creates an empty registry.</summary>
    /// <param name="notifications">Where the replicas' snapshots go.</param>
    /// <param name="events">Where health changes go.</param>
    /// <param name="timeProvider">The clock of the probes.</param>
    /// <param name="logger">The log.</param>
    /// <param name="model">The application model, whose names cannot be registered; null for none.</param>
    public ExternalServiceRegistry(
        ResourceNotificationService notifications,
        EventStream events,
        TimeProvider timeProvider,
        ILogger<ExternalServiceRegistry> logger,
        DistributedApplicationModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _notifications = notifications;
        _model = model;
        _logger = logger;
        _services = new RegistryServices(notifications, events, timeProvider, logger);
        _httpClient = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            // A service that moves behind its address must not be probed over a connection to where it was.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
        })
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public Task<RegistrationOutcome> RegisterAsync(ExternalServiceRegistration registration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ct.ThrowIfCancellationRequested();
        RegisteredService service;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var errors = ExternalServiceValidator.Validate(registration, IsKnownResource);
            if (errors.Count > 0)
            {
                return Task.FromResult(new RegistrationOutcome(RegistrationStatus.Invalid, errors));
            }

            if (IsKnownResource(registration.Name))
            {
                return Task.FromResult(new RegistrationOutcome(RegistrationStatus.NameInUse, new Dictionary<string, string[]>
                {
                    ["name"] = [$"The name '{registration.Name}' is already in use by another resource."],
                }));
            }

            service = Publish(registration);
            _registered[registration.Name] = service;
            service.StartProbing();
        }

        _logger.LogInformation("Registered external service {Resource} with {Count} endpoints: {Urls}",
            registration.Name, registration.Endpoints.Count, string.Join(", ", registration.Endpoints.Select(e => e.Url)));
        return Task.FromResult(new RegistrationOutcome(RegistrationStatus.Registered, ImmutableDictionary<string, string[]>.Empty));
    }

    /// <inheritdoc />
    public async Task<RemovalStatus> RemoveAsync(string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        ct.ThrowIfCancellationRequested();
        RegisteredService? service;
        lock (_gate)
        {
            if (!_registered.TryRemove(name, out service))
            {
                return IsKnownResource(name) ? RemovalStatus.NotRemovable : RemovalStatus.NotFound;
            }
        }

        // Not cancellable: once it is out of the registry, its probes must stop and its snapshots go.
        await service.StopProbingAsync().ConfigureAwait(false);
        service.Dispose();
        var now = _services.TimeProvider.GetUtcNow();
        foreach (var replica in service.Replicas)
        {
            if (_notifications.GetSnapshot(replica) is null)
            {
                continue;
            }

            // A last snapshot first, so that watchers learn it is gone; the removal itself tells nobody.
            _notifications.PublishUpdate(replica, s => s with { State = KnownResourceState.Finished, StateReason = "removed", Health = null, StoppedAt = now });
            _services.Events.Publish(new ResourceStateChanged(now, name, replica, KnownResourceState.Finished, KnownResourceState.Running, "removed"));
            _notifications.Remove(replica);
        }

        _logger.LogInformation("Removed external service {Resource}", name);
        return RemovalStatus.Removed;
    }

    /// <inheritdoc />
    public bool IsRegistered(string name) => _registered.ContainsKey(name);

    /// <inheritdoc />
    public IReadOnlyList<ExternalServiceRegistration> GetRegistrations() =>
        [.. _registered.Values.Select(s => s.Registration).OrderBy(r => r.Name, StringComparer.Ordinal)];

    /// <summary>The latest health checks of a registered replica (<c>payments-0</c>), oldest first; empty when unknown.</summary>
    public IReadOnlyList<HealthCheckRecord> GetHealthHistory(string replicaName)
    {
        ArgumentNullException.ThrowIfNull(replicaName);
        foreach (var service in _registered.Values)
        {
            for (var i = 0; i < service.Replicas.Count; i++)
            {
                if (service.Replicas[i] == replicaName && i < service.Probes.Count)
                {
                    return service.Probes[i].History;
                }
            }
        }

        return [];
    }

    /// <inheritdoc />
    public int? GetWeight(ResourceSnapshot replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        return _registered.TryGetValue(replica.ResourceName, out var service)
            && replica.ReplicaIndex >= 0 && replica.ReplicaIndex < service.Registration.Endpoints.Count
            ? service.Registration.Endpoints[replica.ReplicaIndex].Weight
            : null;
    }

    /// <summary>Stops every probe (the host is stopping); the snapshots stay as they were.</summary>
    public async ValueTask DisposeAsync()
    {
        List<RegisteredService> services;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            services = [.. _registered.Values];
        }

        foreach (var service in services)
        {
            await service.StopProbingAsync().ConfigureAwait(false);
            service.Dispose();
        }

        _httpClient.Dispose();
    }

    private bool IsKnownResource(string name) =>
        _registered.ContainsKey(name) || _model?.Find(name) is not null || _notifications.GetSnapshots(name).Count > 0;

    private RegisteredService Publish(ExternalServiceRegistration registration)
    {
        var now = _services.TimeProvider.GetUtcNow();
        var replicas = new List<string>();
        var probes = new List<ExternalEndpointProbe>();
        for (var i = 0; i < registration.Endpoints.Count; i++)
        {
            var url = registration.Endpoints[i].Url;
            var replica = $"{registration.Name}-{i}";
            replicas.Add(replica);
            _notifications.Publish(new ResourceSnapshot(registration.Name, replica, i, RegistrationDefaults.ExternalType)
            {
                State = KnownResourceState.Running,
                // Without a health check nothing can say otherwise: it is taken at its word.
                Health = registration.HealthCheck is null ? HealthStatus.Healthy : null,
                StateReason = registration.HealthCheck is null ? "registered without a health check" : null,
                Urls = [ToText(url)],
                StartedAt = now,
            });
            _services.Events.Publish(new ResourceStateChanged(now, registration.Name, replica, KnownResourceState.Running, Reason: "registered"));
            if (registration.HealthCheck is { } check)
            {
                var probe = new HttpHealthProbe(ToText(url), check.Path, RegistrationDefaults.HealthyStatusCode, _httpClient, check.Timeout, _services.TimeProvider);
                probes.Add(new ExternalEndpointProbe(registration.Name, replica, probe, check, _services));
            }
        }

        return new RegisteredService(registration, replicas, probes);
    }

    // "http://host:port/" reads as "http://host:port", like the URLs of launched replicas.
    private static string ToText(Uri url) => url.AbsoluteUri.TrimEnd('/');
}
