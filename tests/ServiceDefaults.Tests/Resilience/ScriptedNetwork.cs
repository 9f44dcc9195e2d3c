using System.Net;

namespace ServiceDefaults.Tests.Resilience;

/// <summary>
/// Stands in for the network below the handler under test: answers each request with the next step of a script (a
/// status, or an exception to throw, or <see cref="Hang"/>), repeating the last step, and records what it was sent.
/// </summary>
internal sealed class ScriptedNetwork(params object[] script) : HttpMessageHandler
{
    /// <summary>A step that never answers: the attempt waits until it is cancelled.</summary>
    public static readonly object Hang = new();

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _firstHang = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<HttpRequestMessage> Requests { get; } = [];

    public List<string?> Bodies { get; } = [];

    /// <summary>Completes when an attempt starts hanging, so the test can move the clock past its timeout.</summary>
    public Task Hanging => _firstHang.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        object step;
        lock (_gate)
        {
            step = script[Math.Min(Requests.Count, script.Length - 1)];
            Requests.Add(request);
        }

        Bodies.Add(request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
        // What a real handler below does to the request it is given (DiagnosticsHandler adds traceparent).
        request.Headers.Add("x-attempt", Requests.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        switch (step)
        {
            case HttpStatusCode status:
                return new HttpResponseMessage(status) { RequestMessage = request };
            case Exception exception:
                throw exception;
            default:
                _firstHang.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                throw new InvalidOperationException("unreachable");
        }
    }
}
