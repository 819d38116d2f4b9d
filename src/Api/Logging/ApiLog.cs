using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Api.Logging;

/// <summary>
/// Log messages of the REST gateway, event ids 1000 to 1099. Bodies and API keys are never logged; the one
/// exception is the generated development key, which is shown once so a developer can use it.
/// </summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Submission {SubmissionId} accepted for client {ClientId} ({Outcome}), correlation {CorrelationId}")]
    public static partial void SubmissionAccepted(
        ILogger logger, string submissionId, string clientId, string correlationId, CreateSubmissionOutcome outcome);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Idempotency key of client {ClientId} reused with a different body, correlation {CorrelationId}")]
    public static partial void IdempotencyKeyReused(ILogger logger, string clientId, string correlationId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Additional data for submission {SubmissionId} of client {ClientId}: {Outcome}, "
            + "correlation {CorrelationId}")]
    public static partial void AdditionalDataHandled(
        ILogger logger, string submissionId, string clientId, string correlationId, AddDataOutcome outcome);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "Request body of client {ClientId} rejected with {ProblemCode}, correlation {CorrelationId}")]
    public static partial void BodyRejected(ILogger logger, string? problemCode, string clientId, string correlationId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Development API key for client {ClientId}: {ApiKey}")]
    public static partial void DevelopmentKeyGenerated(ILogger logger, string clientId, string apiKey);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information,
        Message = "Development client {ClientId} uses the key from Auth:DevelopmentKey")]
    public static partial void DevelopmentKeyConfigured(ILogger logger, string clientId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information,
        Message = "Invalid X-Correlation-Id header rejected; generated correlation {CorrelationId}")]
    public static partial void InvalidCorrelationId(ILogger logger, string correlationId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning,
        Message = "Orleans cluster unavailable or timed out for {Path}, correlation {CorrelationId}")]
    public static partial void ClusterUnavailable(ILogger logger, Exception exception, PathString path, string correlationId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
        Message = "Submission store could not save the request for {Path}, correlation {CorrelationId}; answered 503")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, PathString path, string correlationId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error,
        Message = "Unhandled exception for {Path}, correlation {CorrelationId}")]
    public static partial void UnhandledException(ILogger logger, Exception exception, PathString path, string correlationId);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information,
        Message = "Malformed request for {Path} rejected with status {StatusCode}, correlation {CorrelationId}")]
    public static partial void BadHttpRequest(ILogger logger, int statusCode, PathString path, string correlationId);
}
