using Orchestrator.Api.Balancing;

namespace Orchestrator.Api.Tests.Balancing;

public sealed class TcpConnectionTableTests
{
    // Port 0x1F90 = 8080, 0x1F91 = 8081; state 0A = LISTEN, 06 = TIME_WAIT, 01 = ESTABLISHED.
    private const string Tcp = """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0000000000000000 100 0 0 10 0
           1: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 1002 1 0000000000000000 20 4 30 10 -1
           2: 0100007F:1F90 0100007F:D432 01 00000000:00000000 00:00000000 00000000     0        0 1003 1 0000000000000000 20 4 30 10 -1
           3: 0100007F:D431 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 1004 1 0000000000000000 20 4 30 10 -1
           4: 0100007F:1F91 0100007F:D433 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0000000000000000
        """;

    private const string Tcp6 = """
          sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 00000000000000000000000001000000:1F91 00000000000000000000000001000000:E000 01 00000000:00000000 00:00000000 00000000     0        0 2001 1 0000000000000000 20 4 30 10 -1
           1: 00000000000000000000000001000000:1F91 00000000000000000000000001000000:E0
        """;

    [Fact]
    public void Counts_established_lines_by_their_local_port_only()
    {
        var counts = new Dictionary<int, int>();
        TcpConnectionTable.CountEstablished(Tcp, counts);

        Assert.Equal(2, counts[8080]);
        Assert.False(counts.ContainsKey(8081)); // TIME_WAIT does not count
        Assert.Equal(1, counts[0xD431]); // the client's side of a loopback connection has its own local port
    }

    [Fact]
    public void Adds_ipv6_lines_and_skips_a_truncated_one()
    {
        var counts = new Dictionary<int, int>();
        TcpConnectionTable.CountEstablished(Tcp, counts);
        TcpConnectionTable.CountEstablished(Tcp6, counts);

        Assert.Equal(1, counts[8081]);
        Assert.Equal(2, counts[8080]);
    }

    [Fact]
    public void Empty_text_counts_nothing()
    {
        var counts = new Dictionary<int, int>();
        TcpConnectionTable.CountEstablished(string.Empty, counts);
        Assert.Empty(counts);
    }
}
