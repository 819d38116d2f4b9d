using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Warehouse;

internal static partial class WarehouseLog
{
    [LoggerMessage(5000, LogLevel.Information,
        "Warehouse loaded {Day:yyyy-MM-dd}: {Records} row(s) from {Objects} lake object(s) in {Seconds:F1} s")]
    public static partial void Loaded(ILogger logger, DateOnly day, long records, int objects, double seconds);

    [LoggerMessage(5001, LogLevel.Debug, "Warehouse day {Day:yyyy-MM-dd} is unchanged since its load at {LoadedAt:O}; nothing written")]
    public static partial void Unchanged(ILogger logger, DateOnly day, DateTimeOffset loadedAt);

    [LoggerMessage(5002, LogLevel.Error, "Warehouse load of {Day:yyyy-MM-dd} failed, and the day keeps its previous rows")]
    public static partial void LoadFailed(ILogger logger, Exception exception, DateOnly day);

    [LoggerMessage(5003, LogLevel.Warning, "Warehouse manifest {ManifestPath} was listed but could not be read; the load of {Day:yyyy-MM-dd} skips it")]
    public static partial void ManifestVanished(ILogger logger, string manifestPath, DateOnly day);

    [LoggerMessage(5004, LogLevel.Information, "Warehouse daily load scheduled at {DailyAt} UTC, first at {FirstAt:O}")]
    public static partial void Scheduled(ILogger logger, TimeSpan dailyAt, DateTimeOffset firstAt);

    [LoggerMessage(5005, LogLevel.Warning,
        "Warehouse load of {Day:yyyy-MM-dd} could not be announced; the insights dataset refreshes at the next load or activation")]
    public static partial void LoadNotAnnounced(ILogger logger, Exception exception, DateOnly day);

    [LoggerMessage(5006, LogLevel.Error, "Warehouse load could not read the lake file {Path}, an object or a manifest")]
    public static partial void FileUnreadable(ILogger logger, Exception exception, string path);

    [LoggerMessage(5007, LogLevel.Error, "Warehouse at {Location} could not be read or written")]
    public static partial void WarehouseUnavailable(ILogger logger, Exception exception, string location);

    [LoggerMessage(5008, LogLevel.Error,
        "Warehouse load of {Day:yyyy-MM-dd} found {Objects} object(s) in the lake at {Location}, fewer than the {Previous} its last load read")]
    public static partial void FewerObjects(ILogger logger, DateOnly day, int objects, int previous, string location);
}
