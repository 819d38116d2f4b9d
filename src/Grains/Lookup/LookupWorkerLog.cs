using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// Log messages of the lookup worker grains, event ids 2100-2199.
/// </summary>
internal static partial class LookupWorkerLog
{
    [LoggerMessage(2100, LogLevel.Debug,
        "Lookup for submission {SubmissionId} (dispatch #{Dispatch}) is already queued or running here; ignored")]
    public static partial void AlreadyHeld(ILogger logger, string submissionId, int dispatch);

    [LoggerMessage(2101, LogLevel.Warning,
        "Lookup outcome for submission {SubmissionId} was not delivered; its reminder dispatches it again (correlation {CorrelationId})")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string submissionId, string correlationId);
}
