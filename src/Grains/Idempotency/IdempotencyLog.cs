using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Idempotency;

internal static partial class IdempotencyLog
{
    [LoggerMessage(1200, LogLevel.Error,
        "Idempotency key of client {ClientId} could not be stored (correlation {CorrelationId}); nothing was committed and the caller gets 503")]
    public static partial void KeyNotStored(ILogger logger, Exception exception, string clientId, string correlationId);
}
