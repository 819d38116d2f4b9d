using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Insights;

internal static partial class InsightsLog
{
    [LoggerMessage(5100, LogLevel.Information,
        "Insights dataset refreshed to version {Version} after the load of {Day}: {Transitions} day and status count(s), {Countries} country count(s)")]
    public static partial void Refreshed(ILogger logger, int version, string day, int transitions, int countries);

    [LoggerMessage(5101, LogLevel.Warning, "Insights dataset could not be refreshed; it keeps version {Version}")]
    public static partial void RefreshFailed(ILogger logger, Exception exception, int version);
}
