using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// Log messages of the gazetteer lookup, event ids 2000-2099. They carry ids and codes, never the response body.
/// </summary>
public static partial class LookupLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug,
        Message = "Gazetteer call started for country {Country} (correlation {CorrelationId}, submission {SubmissionId})")]
    public static partial void CallStarted(
        this ILogger logger, string country, string correlationId, string? submissionId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Gazetteer call ended with {Kind}, {Candidates} candidates, {Bytes} bytes in {ElapsedMs} ms "
            + "(correlation {CorrelationId}, submission {SubmissionId})")]
    public static partial void CallSucceeded(
        this ILogger logger,
        LookupAttemptKind kind,
        int candidates,
        long bytes,
        double elapsedMs,
        string correlationId,
        string? submissionId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "Gazetteer call failed with {Reason} (status {Status}, {Kind}) after {ElapsedMs} ms "
            + "(correlation {CorrelationId}, submission {SubmissionId})")]
    public static partial void CallFailed(
        this ILogger logger,
        Exception? exception,
        string reason,
        int? status,
        LookupAttemptKind kind,
        double elapsedMs,
        string correlationId,
        string? submissionId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "Retrying gazetteer lookup: attempt {Attempt} in {DelayMs} ms after {Reason} "
            + "(correlation {CorrelationId}, submission {SubmissionId})")]
    public static partial void RetryScheduled(
        this ILogger logger,
        int attempt,
        double delayMs,
        string reason,
        string correlationId,
        string? submissionId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning,
        Message = "Gazetteer throttled the call, Retry-After {RetryAfterMs} ms "
            + "(correlation {CorrelationId}, submission {SubmissionId})")]
    public static partial void Throttled(
        this ILogger logger, double? retryAfterMs, string correlationId, string? submissionId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning,
        Message = "Gazetteer circuit opened after {Failures} consecutive failures for {BreakMs} ms")]
    public static partial void CircuitOpened(this ILogger logger, int failures, double breakMs);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information,
        Message = "Gazetteer circuit closed after a successful trial call")]
    public static partial void CircuitClosed(this ILogger logger);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information,
        Message = "Gazetteer call skipped because the circuit is open for {RetryAfterMs} ms more "
            + "(correlation {CorrelationId}, submission {SubmissionId})")]
    public static partial void CircuitRejected(
        this ILogger logger, double retryAfterMs, string correlationId, string? submissionId);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning,
        Message = "Gazetteer response exceeded {MaxBytes} bytes (read {Bytes}, Content-Length {ContentLength}) "
            + "(correlation {CorrelationId}, submission {SubmissionId})")]
    public static partial void PayloadTooLarge(
        this ILogger logger,
        long maxBytes,
        long bytes,
        long? contentLength,
        string correlationId,
        string? submissionId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Debug,
        Message = "Gazetteer lookup served from cache (correlation {CorrelationId}, submission {SubmissionId})")]
    public static partial void CacheHit(this ILogger logger, string correlationId, string? submissionId);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning,
        Message = "Gazetteer lookup gave up after {Attempts} attempts with {Reason} "
            + "(correlation {CorrelationId}, submission {SubmissionId})")]
    public static partial void GaveUp(
        this ILogger logger, int attempts, string reason, string correlationId, string? submissionId);
}
