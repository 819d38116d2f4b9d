using System.Globalization;

namespace Dovetail.Grains.Lake;

/// <summary>
/// Deterministic names of lake objects: the same partition, window and sequence always give the same name, so a
/// retried flush replaces its object instead of adding a second one.
/// </summary>
public static class LakeObjectName
{
    /// <summary>The folder of the objects in the lake.</summary>
    public const string ObjectPrefix = "changes/";

    /// <summary>The file name ending of every object: Parquet.</summary>
    public const string ObjectSuffix = ".parquet";

    /// <summary>The ending of every manifest's name.</summary>
    public const string ManifestSuffix = ".manifest.json";

    /// <summary>Returns the start of the fixed window that contains <paramref name="time"/>.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset time, TimeSpan window)
    {
        var ticks = time.UtcTicks - time.UtcTicks % window.Ticks;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>
    /// Returns the object's path relative to the lake root, under date and hour prefixes, for example
    /// <c>changes/date=2026-12-04/hour=17/p003-20261204T170500Z-0001.parquet</c>.
    /// </summary>
    public static string ObjectPath(long partition, DateTimeOffset windowStart, int sequence) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ObjectPrefix}date={windowStart:yyyy-MM-dd}/hour={windowStart:HH}/p{partition:D3}-{windowStart:yyyyMMdd'T'HHmmss'Z'}-{sequence:D4}{ObjectSuffix}");

    /// <summary>Returns the manifest's path for an object path.</summary>
    public static string ManifestPath(string objectPath) =>
        "manifests/" + objectPath[ObjectPrefix.Length..^ObjectSuffix.Length] + ManifestSuffix;
}
