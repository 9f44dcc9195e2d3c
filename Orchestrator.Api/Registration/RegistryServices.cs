using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Registration;

/// <summary>What every endpoint probe of the registry shares.</summary>
internal sealed record RegistryServices(
    ResourceNotificationService Notifications, EventStream Events, TimeProvider TimeProvider, ILogger Logger);
