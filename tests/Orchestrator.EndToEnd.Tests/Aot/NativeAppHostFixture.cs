using Orchestrator.EndToEnd.Tests.Infrastructure;

namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>
/// One Native AOT publish of tests/AotAppHost for the whole collection (it takes minutes), and one run of the native
/// executable that the tests share. A publish or launch that fails is reported by every test, with its output.
/// </summary>
public sealed class NativeAppHostFixture : IAsyncLifetime
{
    private readonly TempDirectory _publishDirectory = new();
    private NativePublishResult? _publish;
    private NativeAppHost? _host;
    private string? _failure;

    /// <summary>The native executable.</summary>
    internal string Executable => _publish?.Executable ?? throw Xunit.Sdk.FailException.ForFailure(_failure ?? "Not published.");

    /// <summary>The shared running instance.</summary>
    internal NativeAppHost Host => _host ?? throw Xunit.Sdk.FailException.ForFailure(_failure ?? "The native AppHost did not start.");

    public async Task InitializeAsync()
    {
        _publish = await NativePublish.PublishAsync(_publishDirectory.Path);
        if (_publish.Failure is { } failure)
        {
            _failure = failure;
            return;
        }

        try
        {
            _host = await NativeAppHost.StartAsync(_publish.Executable!);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or System.ComponentModel.Win32Exception)
        {
            _failure = $"The native AppHost ({_publish.Executable}) did not come up: {ex.Message}";
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _publishDirectory.Dispose();
    }
}
