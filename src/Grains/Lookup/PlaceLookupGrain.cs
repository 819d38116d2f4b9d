using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// A lookup worker. It returns from <see cref="EnqueueAsync"/> at once and works through its queue in the background,
/// one external call at a time, so the number of workers caps concurrent calls (and concurrent parsing of large
/// responses) across the cluster. Each call first passes the cluster-wide <see cref="IUpstreamGateGrain"/>.
/// </summary>
/// <remarks>
/// The queue lives in memory. A silo crash loses it, and the submissions' enrichment reminders dispatch the lost
/// requests again.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability", "CA1001", Justification = "The token source is disposed in OnDeactivateAsync, the end of an activation's life.")]
public sealed class PlaceLookupGrain : Grain, IPlaceLookupGrain
{
    private readonly GazetteerClient _client;
    private readonly LookupCache _cache;
    private readonly RetryPolicy _retryPolicy;
    private readonly TimeProvider _time;
    private readonly ILogger<PlaceLookupGrain> _logger;
    private readonly Queue<LookupRequest> _queue = new();
    private readonly HashSet<string> _queuedOrRunning = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _deactivating = new();
    private bool _running;

    // Requests this activation added to the queue-length metric and has not removed yet. Deactivation removes
    // them all at once, because a queue dropped with its activation is never worked through.
    private int _countedInQueueMetric;

    public PlaceLookupGrain(
        GazetteerClient client,
        LookupCache cache,
        IOptions<LookupOptions> options,
        TimeProvider time,
        ILogger<PlaceLookupGrain> logger)
    {
        _client = client;
        _cache = cache;
        _retryPolicy = new RetryPolicy(options.Value, Random.Shared);
        _time = time;
        _logger = logger;
    }

    public Task EnqueueAsync(LookupRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A re-drive of a submission that is still queued or in flight here must not cause a second call.
        if (!_queuedOrRunning.Add(request.SubmissionId))
        {
            LookupWorkerLog.AlreadyHeld(_logger, request.SubmissionId, request.Dispatch);
            return Task.CompletedTask;
        }

        _queue.Enqueue(request);
        _countedInQueueMetric++;
        DovetailMetrics.ChangeLookupQueueLength(1);
        if (!_running)
        {
            // The loop runs on this activation's scheduler but is not awaited here: the caller is a submission
            // grain that must not wait for the external call, and the outcome is delivered to it later.
            _running = true;
            _ = ProcessQueueAsync();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _deactivating.CancelAsync();
        _deactivating.Dispose();
        DovetailMetrics.ChangeLookupQueueLength(-_countedInQueueMetric);
        _countedInQueueMetric = 0;
    }

    private async Task ProcessQueueAsync()
    {
        try
        {
            while (_queue.TryDequeue(out var request))
            {
                // Keep the activation alive while work remains, so idle collection does not drop the queue.
                DelayDeactivation(TimeSpan.FromMinutes(5));
                await ProcessAsync(request);
            }
        }
        finally
        {
            _running = false;
        }
    }

    private async Task ProcessAsync(LookupRequest request)
    {
        // The loop serves many requests in one asynchronous flow, so each request sets its own log scope and
        // request context. The outcome call below then carries this request's correlation id, not that of the
        // request that started the loop.
        using var scope = _logger.BeginScope(LogScope.ForSubmission(request.SubmissionId, request.CorrelationId));
        using var correlation = CorrelationContext.Begin(request.CorrelationId);

        // The queue loop runs outside any request, so each lookup starts its own span under the trace of the
        // request that created the submission. The HTTP call below then carries that trace in its traceparent.
        using var activity = DovetailActivitySource.StartLinkedTo("lookup", request.TraceParent);
        activity?.SetTag("dovetail.submission_id", request.SubmissionId);
        activity?.SetTag("dovetail.correlation_id", request.CorrelationId);
        try
        {
            var outcome = await LookupAsync(request, _deactivating.Token);
            var submission = GrainFactory.GetGrain<ISubmissionGrain>(request.SubmissionId);
            await submission.ApplyEnrichmentAsync(outcome);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The submission's enrichment reminder dispatches the request again, so nothing is lost here.
            LookupWorkerLog.DeliveryFailed(_logger, exception, request.SubmissionId, request.CorrelationId);
        }
        finally
        {
            _queuedOrRunning.Remove(request.SubmissionId);
            if (_countedInQueueMetric > 0)
            {
                _countedInQueueMetric--;
                DovetailMetrics.ChangeLookupQueueLength(-1);
            }
        }
    }

    private async Task<EnrichmentOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        if (_cache.TryGet(request.Query, out var cached))
        {
            _logger.CacheHit(request.CorrelationId, request.SubmissionId);
            return Outcome(request, cached is null ? EnrichmentOutcomeKind.NoMatch : EnrichmentOutcomeKind.Matched,
                cached, reason: null, attempts: 0, fromCache: true);
        }

        var gate = GrainFactory.GetGrain<IUpstreamGateGrain>(0);
        for (var attempt = 1; ; attempt++)
        {
            var result = await CallThroughGateAsync(gate, request, cancellationToken);
            if (result.IsSuccess)
            {
                _cache.Set(request.Query, result.Place);
                var kind = result.Place is null ? EnrichmentOutcomeKind.NoMatch : EnrichmentOutcomeKind.Matched;
                return Outcome(request, kind, result.Place, reason: null, attempt, fromCache: false);
            }

            if (!_retryPolicy.ShouldRetry(result, attempt))
            {
                var reason = result.FailureReason ?? LookupFailureReasons.Unavailable;
                _logger.GaveUp(attempt, reason, request.CorrelationId, request.SubmissionId);
                return Outcome(request, EnrichmentOutcomeKind.Failed, place: null, reason, attempt, fromCache: false);
            }

            DovetailMetrics.RecordRetry(result.FailureReason ?? LookupFailureReasons.Unavailable);
            var delay = _retryPolicy.GetDelay(attempt + 1, result.RetryAfter);
            _logger.RetryScheduled(attempt + 1, delay.TotalMilliseconds, result.FailureReason ?? "unknown",
                request.CorrelationId, request.SubmissionId);
            await Task.Delay(delay, _time, cancellationToken);
        }
    }

    private async Task<LookupAttemptResult> CallThroughGateAsync(
        IUpstreamGateGrain gate, LookupRequest request, CancellationToken cancellationToken)
    {
        // Waiting for a rate token is not an attempt, but an open circuit is. A dead upstream therefore ends in a
        // failure after the configured attempts instead of waiting forever.
        var waitStartedAt = _time.GetTimestamp();
        var permit = await gate.AcquireAsync();
        while (!permit.Granted && !permit.CircuitOpen)
        {
            await Task.Delay(permit.RetryAfter, _time, cancellationToken);
            permit = await gate.AcquireAsync();
        }

        DovetailMetrics.RecordThrottleWait(_time.GetElapsedTime(waitStartedAt));

        if (permit.CircuitOpen)
        {
            _logger.CircuitRejected(permit.RetryAfter.TotalMilliseconds, request.CorrelationId, request.SubmissionId);
            return LookupAttemptResult.CircuitOpen(permit.RetryAfter);
        }

        var result = await _client.FetchAsync(request.Query, request.CorrelationId, request.SubmissionId, cancellationToken);
        DovetailMetrics.RecordLookupCall(CallOutcome(result));

        // Only failures that show the upstream is unhealthy count against the circuit. A rejected or oversized
        // response means the upstream works.
        await gate.ReportAsync(succeeded: !result.IsRetryable);
        return result;
    }

    private static string CallOutcome(LookupAttemptResult result) => result.Kind switch
    {
        LookupAttemptKind.Matched => "matched",
        LookupAttemptKind.NoMatch => "no_match",
        _ => result.FailureReason ?? LookupFailureReasons.Unavailable,
    };

    private EnrichmentOutcome Outcome(
        LookupRequest request, EnrichmentOutcomeKind kind, MatchedPlace? place, string? reason, int attempts, bool fromCache) =>
        new(request.Dispatch, kind, place, reason, attempts, fromCache, _time.GetUtcNow());
}
