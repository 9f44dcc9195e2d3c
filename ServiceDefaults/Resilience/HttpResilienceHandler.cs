using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Microsoft.Extensions.Hosting.Resilience;

/// <summary>
/// Runs every request through a <see cref="ResiliencePipeline{T}"/>. Each attempt sends a fresh copy of the request
/// (the content buffered once), so headers added by an earlier attempt (its <c>traceparent</c>) and the URL chosen
/// by service discovery below never leak into the next one: each retry picks a replica afresh.
/// Polly's refusals become the exceptions <see cref="HttpClient"/> callers already handle: a timeout is a
/// <see cref="TaskCanceledException"/> with a <see cref="TimeoutException"/> inside, as <see cref="HttpClient.Timeout"/>
/// throws, and an open circuit is an <see cref="HttpRequestException"/>.
/// </summary>
public sealed class HttpResilienceHandler : DelegatingHandler
{
    private readonly Func<HttpRequestMessage, ResiliencePipeline<HttpResponseMessage>> _pipelineFor;

    /// <summary>Runs every request through <paramref name="pipeline"/>.</summary>
    public HttpResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipelineFor = _ => pipeline;
    }

    /// <summary>Runs each request through the pipeline <paramref name="pipelineFor"/> chooses for it (one per service, say).</summary>
    public HttpResilienceHandler(Func<HttpRequestMessage, ResiliencePipeline<HttpResponseMessage>> pipelineFor)
    {
        ArgumentNullException.ThrowIfNull(pipelineFor);
        _pipelineFor = pipelineFor;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = _pipelineFor(request);
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpResiliencePipeline.RequestProperty, request);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    try
                    {
                        var response = await state.Handler.SendAttemptAsync(Copy(state.Request), context.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            return Unwrap(outcome, request);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = _pipelineFor(request);
        // The caller chose to block; buffering blocks with it.
        request.Content?.LoadIntoBufferAsync(cancellationToken).GetAwaiter().GetResult();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpResiliencePipeline.RequestProperty, request);
        try
        {
            var response = pipeline.Execute(
                static (context, state) => state.Handler.SendAttempt(Copy(state.Request), context.CancellationToken),
                context,
                (Handler: this, Request: request));
            response.RequestMessage = request;
            return response;
        }
        catch (Exception exception) when (Translate(exception, request) is { } translated)
        {
            throw translated;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage attempt, CancellationToken cancellationToken) =>
        base.SendAsync(attempt, cancellationToken);

    private HttpResponseMessage SendAttempt(HttpRequestMessage attempt, CancellationToken cancellationToken) =>
        base.Send(attempt, cancellationToken);

    private static HttpResponseMessage Unwrap(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request)
    {
        if (outcome.Exception is { } exception)
        {
            if (Translate(exception, request) is { } translated)
            {
                throw translated;
            }

            outcome.ThrowIfException();
        }

        var response = outcome.Result!;
        response.RequestMessage = request;
        return response;
    }

    private static Exception? Translate(Exception exception, HttpRequestMessage request) => exception switch
    {
        TimeoutRejectedException timeout => new TaskCanceledException(
            $"{request.Method} {request.RequestUri} did not complete within {timeout.Timeout}.",
            new TimeoutException(timeout.Message, timeout)),
        BrokenCircuitException broken => new HttpRequestException(
            HttpRequestError.Unknown,
            $"{request.Method} {request.RequestUri} was not sent: the circuit to {request.RequestUri?.Authority} is open after repeated failures"
                + (broken.RetryAfter is { } retryAfter ? $"; it lets a trial call through in {retryAfter}." : "."),
            broken),
        _ => null,
    };

    // A copy per attempt shares the buffered content; it is never disposed, since that would dispose the caller's content.
    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }
}
