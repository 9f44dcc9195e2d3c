using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Resilience;
using Microsoft.Extensions.Options;

namespace ServiceDefaults.Tests.Resilience;

public sealed class HttpResilienceOptionsBindingTests
{
    private static ServiceProvider ServicesWith(Action<IServiceCollection> configure, params (string Key, string Value)[] settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());
        services.AddHttpResilience();
        configure(services);
        return services.BuildServiceProvider();
    }

    private static HttpResilienceOptions OptionsOf(ServiceProvider provider, string client) =>
        provider.GetRequiredService<IOptionsMonitor<HttpResilienceOptions>>().Get(client);

    [Fact]
    public void Every_client_starts_from_the_documented_defaults()
    {
        using var provider = ServicesWith(_ => { });

        Assert.Equal(new HttpResilienceOptions(), OptionsOf(provider, "catalog"));
    }

    [Fact]
    public void Binds_the_resilience_section_for_every_client()
    {
        using var provider = ServicesWith(_ => { }, ("Resilience:MaxRetryAttempts", "5"), ("Resilience:TotalTimeout", "00:01:00"));

        var options = OptionsOf(provider, "catalog");

        Assert.Equal((5, TimeSpan.FromMinutes(1)), (options.MaxRetryAttempts, options.TotalTimeout));
    }

    [Fact]
    public void Code_wins_over_the_section()
    {
        using var provider = ServicesWith(s => s.ConfigureHttpResilience(o => o.MaxRetryAttempts = 1), ("Resilience:MaxRetryAttempts", "5"));

        Assert.Equal(1, OptionsOf(provider, "basket").MaxRetryAttempts);
    }

    [Fact]
    public void A_client_can_be_configured_on_its_own()
    {
        using var provider = ServicesWith(s => s.AddHttpClient("reports").ConfigureResilience(o => o.TotalTimeout = TimeSpan.FromMinutes(2)));

        Assert.Equal(
            (TimeSpan.FromMinutes(2), HttpResilienceDefaults.TotalTimeout),
            (OptionsOf(provider, "reports").TotalTimeout, OptionsOf(provider, "catalog").TotalTimeout));
    }
}
