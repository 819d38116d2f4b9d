using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dovetail.Grains.Abstractions.Lookup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// Makes one call to the gazetteer API and classifies how it ended. Retries, the rate limit and the circuit
/// breaker belong to the caller, so each of them stays visible in one place.
/// </summary>
public sealed class GazetteerClient
{
    /// <summary>The request header that carries the correlation id.</summary>
    public const string CorrelationIdHeader = "X-Correlation-Id";

    private readonly HttpClient _httpClient;
    private readonly LookupOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GazetteerClient> _logger;

    public GazetteerClient(
        HttpClient httpClient,
        IOptions<LookupOptions> options,
        TimeProvider timeProvider,
        ILogger<GazetteerClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);

        _httpClient = httpClient;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc cref="FetchAsync(PlaceQuery, string, string?, CancellationToken)"/>
    public Task<LookupAttemptResult> FetchAsync(
        PlaceQuery query, string correlationId, CancellationToken cancellationToken) =>
        FetchAsync(query, correlationId, submissionId: null, cancellationToken);

    /// <summary>
    /// Requests <c>cities?country=XX</c> once, streams the array through a <see cref="PlaceMatcher"/> and returns
    /// the classified result. Failures of the call are results, not exceptions.
    /// </summary>
    /// <param name="submissionId">The submission the lookup is for, used only in logs.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<LookupAttemptResult> FetchAsync(
        PlaceQuery query, string correlationId, string? submissionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(correlationId);

        var startedAt = _timeProvider.GetTimestamp();
        _logger.CallStarted(query.Country, correlationId, submissionId);

        // One timer covers the whole call, headers and body alike; HttpClient.Timeout would stop at the headers.
        using var timeout = new CancellationTokenSource(_options.CallTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        var attempt = new CallState(query, correlationId, submissionId);
        Exception? failure = null;
        LookupAttemptResult result;
        try
        {
            result = await SendAsync(attempt, linked.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            failure = exception;
            result = LookupAttemptResult.Retryable(
                LookupFailureReasons.Timeout, attempt.StatusCode, bytesRead: attempt.BytesRead);
        }
        catch (HttpRequestException exception)
        {
            failure = exception;
            result = LookupAttemptResult.Retryable(
                LookupFailureReasons.Unavailable, attempt.StatusCode, bytesRead: attempt.BytesRead);
        }
        catch (IOException exception)
        {
            // The connection broke while the body was read.
            failure = exception;
            result = LookupAttemptResult.Retryable(
                LookupFailureReasons.Unavailable, attempt.StatusCode, bytesRead: attempt.BytesRead);
        }

        LogResult(result, failure, attempt, _timeProvider.GetElapsedTime(startedAt));
        return result;
    }

    private async Task<LookupAttemptResult> SendAsync(CallState call, CancellationToken cancellationToken)
    {
        var country = Uri.EscapeDataString(PlaceNames.NormalizeCode(call.Query.Country));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"cities?country={country}", UriKind.Relative));
        request.Headers.TryAddWithoutValidation(CorrelationIdHeader, call.CorrelationId);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await _httpClient.SendAsync(
            request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        call.StatusCode = (int)response.StatusCode;

        if (!response.IsSuccessStatusCode)
        {
            return ClassifyStatus(response);
        }

        if (response.Content.Headers.ContentLength is { } contentLength && contentLength > _options.MaxResponseBytes)
        {
            call.ContentLength = contentLength;
            return LookupAttemptResult.Permanent(LookupFailureReasons.PayloadTooLarge, call.StatusCode);
        }

        await using var body = new ResponseSizeLimitStream(
            await response.Content.ReadAsStreamAsync(cancellationToken), _options.MaxResponseBytes);
        var matcher = new PlaceMatcher(call.Query);
        try
        {
            await foreach (var entry in JsonSerializer.DeserializeAsyncEnumerable(
                body, LookupJsonContext.Default.GazetteerEntry, cancellationToken))
            {
                matcher.Add(entry ?? throw new JsonException("The gazetteer array contains a null item."));
            }
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            call.BytesRead = body.BytesRead;
            if (body.LimitExceeded)
            {
                return LookupAttemptResult.Permanent(
                    LookupFailureReasons.PayloadTooLarge, call.StatusCode, body.BytesRead);
            }

            call.Failure = exception;
            return LookupAttemptResult.Retryable(
                LookupFailureReasons.InvalidResponse, call.StatusCode, bytesRead: body.BytesRead);
        }
        finally
        {
            call.BytesRead = body.BytesRead;
            call.Candidates = matcher.Candidates;
        }

        return LookupAttemptResult.Success(matcher.GetResult(), call.StatusCode.Value, body.BytesRead);
    }

    private LookupAttemptResult ClassifyStatus(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var retryAfter = RetryAfterHeader.GetDelay(response.Headers.RetryAfter, _timeProvider.GetUtcNow());
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests =>
                LookupAttemptResult.Retryable(LookupFailureReasons.Throttled, status, retryAfter),
            HttpStatusCode.RequestTimeout =>
                LookupAttemptResult.Retryable(LookupFailureReasons.Timeout, status, retryAfter),
            >= HttpStatusCode.InternalServerError =>
                LookupAttemptResult.Retryable(LookupFailureReasons.Unavailable, status, retryAfter),
            _ => LookupAttemptResult.Permanent(LookupFailureReasons.Rejected, status),
        };
    }

    private void LogResult(LookupAttemptResult result, Exception? failure, CallState call, TimeSpan elapsed)
    {
        if (result.IsSuccess)
        {
            _logger.CallSucceeded(
                result.Kind, call.Candidates, call.BytesRead, elapsed.TotalMilliseconds, call.CorrelationId,
                call.SubmissionId);
            return;
        }

        var reason = result.FailureReason ?? LookupFailureReasons.InvalidResponse;
        if (reason == LookupFailureReasons.Throttled)
        {
            _logger.Throttled(result.RetryAfter?.TotalMilliseconds, call.CorrelationId, call.SubmissionId);
        }
        else if (reason == LookupFailureReasons.PayloadTooLarge)
        {
            _logger.PayloadTooLarge(
                _options.MaxResponseBytes, call.BytesRead, call.ContentLength, call.CorrelationId, call.SubmissionId);
        }

        _logger.CallFailed(
            failure ?? call.Failure, reason, result.StatusCode, result.Kind, elapsed.TotalMilliseconds,
            call.CorrelationId, call.SubmissionId);
    }

    /// <summary>What is known about a call so far, so every exit path can log it.</summary>
    private sealed class CallState(PlaceQuery query, string correlationId, string? submissionId)
    {
        public PlaceQuery Query { get; } = query;

        public string CorrelationId { get; } = correlationId;

        public string? SubmissionId { get; } = submissionId;

        public int? StatusCode { get; set; }

        public long? ContentLength { get; set; }

        public long BytesRead { get; set; }

        public int Candidates { get; set; }

        public Exception? Failure { get; set; }
    }
}
