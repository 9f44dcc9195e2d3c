using Orchestrator.Api.CommandLine;

namespace Orchestrator.Api.Tests.CommandLine;

public sealed class TextTableTests
{
    [Fact]
    public void Columns_line_up_under_their_headers_and_the_last_one_runs_on()
    {
        using var output = new StringWriter();

        TextTable.Write(output, ["NAME", "STATE", "URLS"],
        [
            ["catalog", "Running", "http://127.0.0.1:5001"],
            ["db", "Quarantined", "-"],
        ]);

        Assert.Equal(
            ["NAME     STATE        URLS", "catalog  Running      http://127.0.0.1:5001", "db       Quarantined  -"],
            output.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void With_no_rows_the_empty_message_stands_in_for_the_table()
    {
        using var output = new StringWriter();

        TextTable.Write(output, ["NAME"], [], empty: "No resources.");

        Assert.Equal("No resources.", output.ToString().TrimEnd());
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59.9, "59s")]
    [InlineData(725, "12m 05s")]
    [InlineData(10920, "3h 02m")]
    [InlineData(187200, "2d 04h")]
    public void Durations_read_the_way_people_say_them(double seconds, string text)
    {
        Assert.Equal(text, JsonText.Duration(seconds));
    }
}
