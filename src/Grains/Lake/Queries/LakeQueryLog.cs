using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Lake.Queries;

/// <summary>
/// Log messages of the lake query step, event ids 4100-4119.
/// </summary>
internal static partial class LakeQueryLog
{
    [LoggerMessage(4100, LogLevel.Debug, "Query attempt {Attempt} of {MaxAttempts} started for {ObjectPath}")]
    public static partial void AttemptStarted(ILogger logger, string objectPath, int attempt, int maxAttempts);

    [LoggerMessage(4101, LogLevel.Information,
        "Query of {ObjectPath} stored {Records} record(s) summarised at {ResultPath} after {Attempts} attempt(s)")]
    public static partial void Succeeded(ILogger logger, string objectPath, long records, string resultPath, int attempts);

    [LoggerMessage(4102, LogLevel.Warning,
        "Query attempt {Attempt} of {MaxAttempts} failed for {ObjectPath}; retrying in {Delay}")]
    public static partial void AttemptFailed(ILogger logger, Exception exception, string objectPath, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(4103, LogLevel.Error,
        "Query of {ObjectPath} failed after {Attempts} attempt(s); the object is recorded at {DeadLetterPath}")]
    public static partial void DeadLettered(ILogger logger, Exception exception, string objectPath, int attempts, string deadLetterPath);

    [LoggerMessage(4104, LogLevel.Error,
        "Query of {ObjectPath} failed because the object is missing from the lake; the object is recorded at {DeadLetterPath}")]
    public static partial void ObjectMissing(ILogger logger, string objectPath, string deadLetterPath);

    [LoggerMessage(4105, LogLevel.Debug,
        "Query of {ObjectPath} skipped because {ResultPath} already summarises the object with checksum {Sha256}")]
    public static partial void AlreadySummarised(ILogger logger, string objectPath, string resultPath, string sha256);

    [LoggerMessage(4106, LogLevel.Information, "Dead-letter entry {DeadLetterPath} removed because the query of {ObjectPath} succeeded")]
    public static partial void DeadLetterCleared(ILogger logger, string objectPath, string deadLetterPath);

    [LoggerMessage(4107, LogLevel.Warning,
        "Stored result {ResultPath} of {ObjectPath} is not valid JSON; the query runs again")]
    public static partial void ResultUnreadable(ILogger logger, Exception exception, string objectPath, string resultPath);
}
