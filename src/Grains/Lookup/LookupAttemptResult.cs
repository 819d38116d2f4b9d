using Dovetail.Grains.Abstractions.Lookup;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// The classified result of one call to the gazetteer.
/// </summary>
/// <param name="Place">The picked entry when <paramref name="Kind"/> is <see cref="LookupAttemptKind.Matched"/>.</param>
/// <param name="FailureReason">A code from <see cref="LookupFailureReasons"/> when the call failed.</param>
/// <param name="RetryAfter">The delay the server asked for in <c>Retry-After</c>, never negative.</param>
/// <param name="StatusCode">The HTTP status received, or null when no response arrived.</param>
/// <param name="BytesRead">Body bytes read, for logs and metrics.</param>
public sealed record LookupAttemptResult(
    LookupAttemptKind Kind,
    MatchedPlace? Place,
    string? FailureReason,
    TimeSpan? RetryAfter,
    int? StatusCode,
    long BytesRead)
{
    /// <summary>True when the gazetteer returned its array, whether or not an entry matched.</summary>
    public bool IsSuccess => Kind is LookupAttemptKind.Matched or LookupAttemptKind.NoMatch;

    /// <summary>True when another attempt may succeed; such failures also count against the circuit.</summary>
    public bool IsRetryable => Kind == LookupAttemptKind.RetryableFailure;

    public static LookupAttemptResult Success(MatchedPlace? place, int statusCode, long bytesRead) =>
        new(place is null ? LookupAttemptKind.NoMatch : LookupAttemptKind.Matched,
            place, null, null, statusCode, bytesRead);

    public static LookupAttemptResult Retryable(
        string reason, int? statusCode = null, TimeSpan? retryAfter = null, long bytesRead = 0) =>
        new(LookupAttemptKind.RetryableFailure, null, reason, retryAfter, statusCode, bytesRead);

    public static LookupAttemptResult Permanent(string reason, int? statusCode = null, long bytesRead = 0) =>
        new(LookupAttemptKind.PermanentFailure, null, reason, null, statusCode, bytesRead);

    /// <summary>Returns the result for a call the circuit breaker did not let through.</summary>
    public static LookupAttemptResult CircuitOpen(TimeSpan retryAfter) =>
        Retryable(LookupFailureReasons.CircuitOpen, retryAfter: retryAfter);
}
