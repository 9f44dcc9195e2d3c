using System.Net;

namespace ServiceDefaults.Tests.ServiceDiscovery;

/// <summary>Stands in for the network: records every URL it is asked for and refuses connections to the given ports.</summary>
internal sealed class RecordingHandler(params int[] refusedPorts) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;

    public HttpRequestError? FailureOnEveryRequest { get; init; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        Requests.Add(uri);
        if (FailureOnEveryRequest is { } failure)
        {
            throw new HttpRequestException(failure, "failed on purpose");
        }

        if (refusedPorts.Contains(uri.Port))
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");
        }

        return Task.FromResult(new HttpResponseMessage(Status) { RequestMessage = request });
    }
}
