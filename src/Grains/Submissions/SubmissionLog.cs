using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Submissions;

/// <summary>
/// Log messages of the submission grain, event ids 1100-1199.
/// </summary>
internal static partial class SubmissionLog
{
    [LoggerMessage(1100, LogLevel.Information,
        "Submission {SubmissionId} created for client {ClientId} (correlation {CorrelationId})")]
    public static partial void Created(ILogger logger, string submissionId, string clientId, string correlationId);

    [LoggerMessage(1101, LogLevel.Information,
        "Submission {SubmissionId} moved to {Status} at version {Version} because of {Cause} (correlation {CorrelationId})")]
    public static partial void Transitioned(
        ILogger logger, string submissionId, string status, int version, string cause, string correlationId);

    [LoggerMessage(1102, LogLevel.Information,
        "Submission {SubmissionId} dispatched enrichment #{Dispatch} to worker {Worker} (correlation {CorrelationId})")]
    public static partial void Dispatched(
        ILogger logger, string submissionId, int dispatch, long worker, string correlationId);

    [LoggerMessage(1103, LogLevel.Debug,
        "Submission {SubmissionId} ignored an enrichment outcome from dispatch #{Dispatch} because it is {Status}")]
    public static partial void OutcomeIgnored(ILogger logger, string submissionId, int dispatch, string status);

    [LoggerMessage(1104, LogLevel.Warning,
        "Submission {SubmissionId} could not dispatch enrichment #{Dispatch}; the reminder retries it (correlation {CorrelationId})")]
    public static partial void DispatchFailed(
        ILogger logger, Exception exception, string submissionId, int dispatch, string correlationId);

    [LoggerMessage(1105, LogLevel.Warning,
        "Submission {SubmissionId} enrichment failed with {Reason} (correlation {CorrelationId})")]
    public static partial void EnrichmentFailed(ILogger logger, string submissionId, string reason, string correlationId);

    [LoggerMessage(1106, LogLevel.Warning,
        "Submission {SubmissionId} could not unregister reminder {Reminder}; a later tick finds nothing to do")]
    public static partial void UnregisterFailed(ILogger logger, Exception exception, string submissionId, string reminder);

    [LoggerMessage(1107, LogLevel.Warning,
        "Submission {SubmissionId} could not publish change version {Version}; its outbox reminder publishes it again")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string submissionId, int version);

    [LoggerMessage(1108, LogLevel.Warning,
        "Submission {SubmissionId} could not store its trimmed outbox at deactivation; the next activation publishes those events again")]
    public static partial void OutboxTrimNotStored(ILogger logger, Exception exception, string submissionId);

    [LoggerMessage(1113, LogLevel.Information,
        "Submission {SubmissionId} could not store its trimmed outbox while the silo shut down ({ErrorType}); the next activation publishes those events again")]
    public static partial void OutboxTrimNotStoredAtShutdown(ILogger logger, string submissionId, string errorType);

    [LoggerMessage(1109, LogLevel.Error,
        "Submission {SubmissionId} could not register its outbox reminder; unpublished events wait for the next activation or commit")]
    public static partial void OutboxReminderFailed(ILogger logger, Exception exception, string submissionId);

    [LoggerMessage(1110, LogLevel.Warning,
        "Submission {SubmissionId} has no stored state when its reminder {Reminder} fires, because its first write failed; removing its reminders")]
    public static partial void RemindersOfUnstoredSubmission(ILogger logger, string submissionId, string reminder);

    [LoggerMessage(1111, LogLevel.Error,
        "Submission {SubmissionId} could not store its change to {Status} (correlation {CorrelationId}); nothing was committed and the caller gets 503")]
    public static partial void CommitFailed(ILogger logger, Exception exception, string submissionId, string status, string correlationId);

    [LoggerMessage(1112, LogLevel.Error,
        "Submission {SubmissionId} could not register its reminders (correlation {CorrelationId}); nothing was stored and the caller gets 503")]
    public static partial void RemindersNotRegistered(ILogger logger, Exception exception, string submissionId, string correlationId);
}
