using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Lake.S3;

/// <summary>Log messages of the S3 lake store, event ids 3100–3119. They never contain object contents or credentials.</summary>
internal static partial class S3LakeLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information,
        Message = "The lake is stored in S3 at {Location} (endpoint {ServiceUrl})")]
    public static partial void StoreCreated(ILogger logger, string location, string serviceUrl);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Stored lake object {Path} ({Bytes} bytes)")]
    public static partial void ObjectStored(ILogger logger, string path, long bytes);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "Lake object {Path} was not found")]
    public static partial void ObjectNotFound(ILogger logger, string path);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Deleted lake object {Path}")]
    public static partial void ObjectDeleted(ILogger logger, string path);
}
