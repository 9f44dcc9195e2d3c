using Orchestrator.Api.Monitoring;

namespace Orchestrator.Api.Tests.Monitoring;

public sealed class HostStatsSamplerTests
{
    private readonly FakeProcFiles _proc = new();
    private readonly FakeDiskUsageReader _disk = new();
    private readonly HostStatsSampler _sampler;

    public HostStatsSamplerTests() => _sampler = new HostStatsSampler(_proc, _disk, "/srv/state");

    [Fact]
    public void Cpu_use_is_unknown_on_the_first_sample()
    {
        _proc.Set("/proc/stat", ProcTexts.CpuStat(user: 100, system: 100, idle: 800));

        Assert.Null(_sampler.Sample().CpuPercent);
    }

    [Fact]
    public void Cpu_use_comes_from_the_deltas_of_proc_stat_with_iowait_counted_as_idle()
    {
        _proc.Set("/proc/stat", ProcTexts.CpuStat(user: 100, system: 100, idle: 800, iowait: 0));
        _sampler.Sample();
        // 1000 more ticks: 150 user, 100 system, 600 idle, 150 iowait -> 25 % busy.
        _proc.Set("/proc/stat", ProcTexts.CpuStat(user: 250, system: 200, idle: 1400, iowait: 150));

        Assert.Equal(25, _sampler.Sample().CpuPercent!.Value, precision: 6);
    }

    [Fact]
    public void Memory_use_is_total_minus_available()
    {
        _proc.Set("/proc/meminfo", ProcTexts.MemInfo(totalKib: 8_000_000, availableKib: 2_000_000));

        var stats = _sampler.Sample();

        Assert.Equal(75, stats.MemoryPercent!.Value, precision: 6);
        Assert.Equal(8_000_000L * 1024, stats.MemoryTotalBytes);
        Assert.Equal(6_000_000L * 1024, stats.MemoryUsedBytes);
    }

    [Fact]
    public void Disk_use_of_the_watched_directory_is_counted_the_way_df_counts_it()
    {
        // 1000 blocks, 400 free of which 50 reserved for root: 600 used of 950 usable.
        _disk.Usage = new DiskUsage(TotalBytes: 1000, FreeBytes: 400, AvailableBytes: 350);

        var stats = _sampler.Sample();

        Assert.Equal("/srv/state", _disk.LastPath);
        Assert.Equal(600.0 / 950 * 100, stats.DiskPercent!.Value, precision: 6);
        Assert.Equal(600, stats.DiskUsedBytes);
        Assert.Equal(1000, stats.DiskTotalBytes);
    }

    [Fact]
    public void What_cannot_be_read_is_unknown()
    {
        Assert.Equal(HostStats.Empty, _sampler.Sample());
    }
}
