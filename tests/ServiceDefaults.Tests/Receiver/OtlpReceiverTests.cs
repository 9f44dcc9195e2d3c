using System.Net;
using System.Net.Http.Headers;
using OtlpTesting;

namespace ServiceDefaults.Tests.Receiver;

/// <summary>The test receiver's own contract, for the tests that will lean on it.</summary>
[Trait("Category", "Integration")]
public sealed class OtlpReceiverTests : IAsyncLifetime
{
    private OtlpReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await OtlpReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<HttpStatusCode> PostAsync(string path, byte[] body, string contentType)
    {
        using var http = new HttpClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await http.PostAsync(new Uri(_receiver.HttpEndpoint, path), content);
        return response.StatusCode;
    }

    [Fact]
    public async Task Accepts_an_empty_export_and_records_the_call()
    {
        var status = await PostAsync("/v1/traces", [], "application/x-protobuf");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((OtlpSignal.Traces, OtlpTransport.HttpProtobuf, 0), (_receiver.Exports.Single().Signal, _receiver.Exports.Single().Transport, _receiver.Exports.Single().ItemCount));
    }

    [Fact]
    public async Task Rejects_a_body_that_is_not_protobuf()
    {
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("/v1/logs", [0xff, 0xff, 0xff], "application/x-protobuf"));
    }

    [Fact]
    public async Task Rejects_json_which_it_does_not_decode()
    {
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await PostAsync("/v1/metrics", "{}"u8.ToArray(), "application/json"));
    }

    [Fact]
    public async Task Knows_nothing_of_other_paths()
    {
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("/v1/profiles", [], "application/x-protobuf"));
    }

    [Fact]
    public async Task Says_what_it_had_when_a_wait_times_out()
    {
        await PostAsync("/v1/traces", [], "application/x-protobuf");

        var timeout = await Assert.ThrowsAsync<TimeoutException>(
            () => _receiver.WaitForAsync(t => t.Spans.Count > 0, TimeSpan.FromMilliseconds(50)));

        Assert.Contains("1 exports", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returns_at_once_when_the_condition_already_holds()
    {
        var telemetry = await _receiver.WaitForAsync(t => t.Spans.Count == 0, TimeSpan.Zero);

        Assert.Empty(telemetry.Exports);
    }
}
