using Orchestrator.Api.CommandLine;

namespace Orchestrator.Api.Tests.CommandLine;

public sealed class CliExitCodesTests
{
    [Theory]
    [InlineData(200, 0)]
    [InlineData(202, 0)]
    [InlineData(400, 2)]
    [InlineData(401, 4)]
    [InlineData(403, 4)]
    [InlineData(404, 5)]
    [InlineData(409, 6)]
    [InlineData(413, 7)]
    [InlineData(429, 7)]
    [InlineData(500, 7)]
    [InlineData(503, 7)]
    public void Each_http_status_maps_to_its_documented_exit_code(int status, int exitCode)
    {
        Assert.Equal(exitCode, CliExitCodes.FromHttpStatus(status));
    }
}
