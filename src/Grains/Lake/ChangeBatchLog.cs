using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Lake;

/// <summary>
/// Log messages of the change batching grains, event ids 4000-4099.
/// </summary>
internal static partial class ChangeBatchLog
{
    [LoggerMessage(4000, LogLevel.Information,
        "Partition {Partition} published {Records} change(s), {Bytes} bytes, to {ObjectPath} because of {Trigger}")]
    public static partial void Published(ILogger logger, long partition, int records, long bytes, string objectPath, string trigger);

    [LoggerMessage(4001, LogLevel.Debug, "Partition {Partition} dropped duplicate change {EventId}")]
    public static partial void DuplicateDropped(ILogger logger, long partition, string eventId);

    [LoggerMessage(4002, LogLevel.Warning,
        "Partition {Partition} could not publish {Records} change(s) to {ObjectPath}; they stay buffered and the next flush retries")]
    public static partial void PublishFailed(ILogger logger, Exception exception, long partition, int records, string objectPath);

    [LoggerMessage(4003, LogLevel.Information,
        "Partition {Partition} finished the query step of {ObjectPath}: succeeded {Succeeded}, stored at {ResultPath}")]
    public static partial void QueryFinished(ILogger logger, long partition, string objectPath, bool succeeded, string resultPath);

    [LoggerMessage(4004, LogLevel.Warning,
        "Partition {Partition} could not run the query step of {ObjectPath}; it stays pending and the reminder runs it again")]
    public static partial void QueryNotRun(ILogger logger, Exception exception, long partition, string objectPath);

    [LoggerMessage(4005, LogLevel.Error,
        "Partition {Partition} could not buffer change {EventId} (correlation {CorrelationId}); the stream retries it until Lake:MaxDeliveryTime, then skips it")]
    public static partial void AppendFailed(ILogger logger, Exception exception, long partition, string eventId, string correlationId);
}
