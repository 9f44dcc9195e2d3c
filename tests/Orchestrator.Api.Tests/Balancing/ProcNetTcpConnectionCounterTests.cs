using Orchestrator.Api.Balancing;
using Orchestrator.Api.Tests.Fakes;
using Orchestrator.Api.Tests.Monitoring;

namespace Orchestrator.Api.Tests.Balancing;

public sealed class ProcNetTcpConnectionCounterTests
{
    private const string Header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    private readonly FakeProcFiles _files = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Counts_ipv4_and_ipv6_connections_together()
    {
        _files.Set("/proc/net/tcp", Header + Established(8080, 40000) + Established(8080, 40001));
        _files.Set("/proc/net/tcp6", Header + "   0: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:E000 01 0:0 0:0 0 0 0 1\n");
        var counter = Create(TimeSpan.FromMilliseconds(200));

        Assert.Equal(3, counter.GetEstablishedConnections(8080));
        Assert.Equal(0, counter.GetEstablishedConnections(8081));
    }

    [Fact]
    public void Reads_the_table_again_only_once_it_is_older_than_its_max_age()
    {
        _files.Set("/proc/net/tcp", Header + Established(8080, 40000));
        var counter = Create(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, counter.GetEstablishedConnections(8080));

        _files.Set("/proc/net/tcp", Header + Established(8080, 40000) + Established(8080, 40001));
        _time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.Equal(1, counter.GetEstablishedConnections(8080));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, counter.GetEstablishedConnections(8080));
    }

    [Fact]
    public void Missing_files_mean_no_connections()
    {
        Assert.Equal(0, Create(TimeSpan.Zero).GetEstablishedConnections(8080));
    }

    private ProcNetTcpConnectionCounter Create(TimeSpan maxAge) =>
        new(_files, _time, new LoadBalancerOptions { ConnectionTableMaxAge = maxAge });

    private static string Established(int localPort, int remotePort) =>
        $"   0: 0100007F:{localPort:X4} 0100007F:{remotePort:X4} 01 00000000:00000000 00:00000000 00000000     0        0 1 1\n";
}
