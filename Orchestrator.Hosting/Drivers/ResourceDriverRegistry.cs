using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Drivers;

/// <summary>
/// Picks the driver for a resource. The last registered driver that can run it wins, so an AppHost can
/// replace a built-in driver by registering its own after <c>AddResourceDrivers()</c>.
/// </summary>
public sealed class ResourceDriverRegistry(IEnumerable<IResourceDriver> drivers)
{
    private readonly IReadOnlyList<IResourceDriver> _drivers = drivers.Reverse().ToList();

    /// <summary>The driver that runs <paramref name="resource"/>.</summary>
    /// <exception cref="InvalidOperationException">No registered driver runs this kind of resource.</exception>
    public IResourceDriver GetDriver(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return _drivers.FirstOrDefault(d => d.CanRun(resource))
            ?? throw new InvalidOperationException(
                $"No driver runs resource '{resource.Name}' ({resource.GetType().Name}). " +
                "Register one with services.AddSingleton<IResourceDriver, YourDriver>().");
    }
}
