using Orchestrator.Api.Monitoring;
using Orchestrator.Api.Tests.Fakes;

namespace Orchestrator.Api.Tests.Monitoring;

public sealed class ProcessStatsSamplerTests
{
    private readonly FakeProcFiles _proc = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly ProcessStatsSampler _sampler;

    public ProcessStatsSamplerTests() => _sampler = new ProcessStatsSampler(_proc, _clock);

    [Fact]
    public void Reads_user_plus_system_cpu_time_past_a_command_name_with_spaces_and_parentheses()
    {
        _proc.Set("/proc/42/stat", ProcTexts.Stat(42, utime: 1234, stime: 566));

        var sample = _sampler.Read(42);

        Assert.NotNull(sample);
        Assert.Equal(TimeSpan.FromSeconds(18), sample.CpuTime);
    }

    [Fact]
    public void Reads_resident_memory_from_the_rss_pages_of_stat()
    {
        _proc.Set("/proc/42/stat", ProcTexts.Stat(42, utime: 1, stime: 1, rssPages: 300));

        Assert.Equal(300L * Environment.SystemPageSize, _sampler.Read(42)!.RssBytes);
    }

    [Fact]
    public void Reads_the_same_resident_memory_as_VmRSS_for_a_real_process()
    {
        var real = new ProcessStatsSampler(new ProcFileReader(), TimeProvider.System);
        var vmRssKib = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

        var rss = real.Read(Environment.ProcessId)!.RssBytes;

        // Both read the same counter a moment apart; the test process may grow a little in between.
        Assert.InRange(rss / 1024, long.Parse(vmRssKib, System.Globalization.CultureInfo.InvariantCulture) * 9 / 10,
            long.Parse(vmRssKib, System.Globalization.CultureInfo.InvariantCulture) * 11 / 10);
    }

    [Fact]
    public void Reads_nothing_for_a_process_that_does_not_exist()
    {
        Assert.Null(_sampler.Read(42));
    }

    [Fact]
    public void Cpu_use_is_cpu_time_over_wall_time_in_percent_of_one_core()
    {
        _proc.Set("/proc/42/stat", ProcTexts.Stat(42, utime: 100, stime: 50));
        var earlier = _sampler.Read(42)!;
        // Two cores busy for 4 s: 800 ticks of 10 ms.
        _clock.Advance(TimeSpan.FromSeconds(4));
        _proc.Set("/proc/42/stat", ProcTexts.Stat(42, utime: 700, stime: 250));
        var later = _sampler.Read(42)!;

        Assert.Equal(200, _sampler.CpuPercent(earlier, later)!.Value, precision: 6);
    }

    [Fact]
    public void Cpu_use_is_unknown_without_wall_time_between_the_samples()
    {
        _proc.Set("/proc/42/stat", ProcTexts.Stat(42, utime: 100, stime: 50));
        var sample = _sampler.Read(42)!;

        Assert.Null(_sampler.CpuPercent(sample, sample));
    }

    [Fact]
    public void Refuses_to_compare_samples_of_two_processes()
    {
        _proc.Set("/proc/42/stat", ProcTexts.Stat(42, utime: 1, stime: 1));
        _proc.Set("/proc/43/stat", ProcTexts.Stat(43, utime: 1, stime: 1));

        Assert.Throws<ArgumentException>(() => _sampler.CpuPercent(_sampler.Read(42)!, _sampler.Read(43)!));
    }
}
