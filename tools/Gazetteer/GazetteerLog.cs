namespace Dovetail.Gazetteer;

/// <summary>
/// Log messages of the gazetteer stand-in, event ids 9100-9199.
/// </summary>
internal static partial class GazetteerLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information,
        Message = "Loaded {Count} places ({Bytes} bytes) from {Path}")]
    public static partial void DataLoaded(ILogger logger, int count, long bytes, string path);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Faults replaced: {Faults}")]
    public static partial void FaultsReplaced(ILogger logger, GazetteerFaults faults);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Faults reset to none")]
    public static partial void FaultsReset(ILogger logger);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information,
        Message = "Request throttled with Retry-After {RetryAfter}")]
    public static partial void Throttled(ILogger logger, string? retryAfter);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information, Message = "Injected error status {Status} sent")]
    public static partial void ErrorSent(ILogger logger, int status);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Information, Message = "Body truncated after {Bytes} bytes")]
    public static partial void Truncated(ILogger logger, long bytes);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Information,
        Message = "Client went away during the injected latency of {LatencyMs} ms")]
    public static partial void ClientLeftDuringLatency(ILogger logger, double latencyMs);

    [LoggerMessage(EventId = 9107, Level = LogLevel.Information,
        Message = "Client went away after {Bytes} bytes of the body")]
    public static partial void ClientLeftDuringBody(ILogger logger, long bytes);

    [LoggerMessage(EventId = 9108, Level = LogLevel.Warning, Message = "Rejected invalid faults: {Errors}")]
    public static partial void FaultsRejected(ILogger logger, string errors);
}
