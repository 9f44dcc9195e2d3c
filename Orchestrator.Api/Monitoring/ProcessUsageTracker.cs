namespace Orchestrator.Api.Monitoring;

/// <summary>One process's CPU use and resident memory, from the last two samples.</summary>
internal sealed class ProcessUsageTracker(ProcessStatsSampler sampler, int? processId)
{
    private readonly Lock _gate = new();
    private ProcessSample? _last;
    private double? _cpuPercent;

    public double? CpuPercent
    {
        get
        {
            lock (_gate)
            {
                return _cpuPercent;
            }
        }
    }

    public long? RssBytes
    {
        get
        {
            lock (_gate)
            {
                return _last?.RssBytes;
            }
        }
    }

    /// <summary>Reads the process's counters; an unreadable process clears both values (its exit is reported elsewhere).</summary>
    public void Sample()
    {
        if (processId is not { } pid)
        {
            return;
        }

        var sample = sampler.Read(pid);
        lock (_gate)
        {
            _cpuPercent = sample is not null && _last is not null ? sampler.CpuPercent(_last, sample) : null;
            _last = sample;
        }
    }
}
