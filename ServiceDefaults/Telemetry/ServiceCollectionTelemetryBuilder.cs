using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting.Telemetry;

/// <summary>
/// The smallest <see cref="IOpenTelemetryBuilder"/>: the application's service collection. With it the SDK's own
/// <c>WithTracing</c>, <c>WithMetrics</c> and <c>UseOtlpExporter</c> register their providers in the application's
/// container, where they read the application's configuration, which is what OpenTelemetry.Extensions.Hosting
/// does apart from starting them (see <see cref="TelemetryProviderStarter"/>).
/// </summary>
internal sealed class ServiceCollectionTelemetryBuilder(IServiceCollection services) : IOpenTelemetryBuilder
{
    public IServiceCollection Services { get; } = services;
}
