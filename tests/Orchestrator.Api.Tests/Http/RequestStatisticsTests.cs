using Orchestrator.Api.Http;

namespace Orchestrator.Api.Tests.Http;

public sealed class RequestStatisticsTests
{
    [Fact]
    public void Counts_requests_by_status_and_reports_nearest_rank_percentiles()
    {
        var statistics = new RequestStatistics();
        for (var ms = 1; ms <= 100; ms++)
        {
            statistics.Record(ms % 10 == 0 ? 404 : 200, TimeSpan.FromMilliseconds(ms));
        }

        var counts = statistics.Counts();
        var latency = statistics.Latency();

        Assert.Equal(100, counts.Total);
        Assert.Equal(90, counts.ByStatus["200"]);
        Assert.Equal(10, counts.ByStatus["404"]);
        Assert.Equal((50d, 90d, 99d), (latency.P50!.Value, latency.P90!.Value, latency.P99!.Value));
    }

    [Fact]
    public void Without_requests_there_are_no_percentiles() => Assert.Null(new RequestStatistics().Latency().P50);
}
