using System.Globalization;

namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// Prints the lake figures. Sizes are in MiB (1,048,576 bytes).
/// </summary>
internal static class LakeReport
{
    private const double Mebibyte = 1024 * 1024;

    public static void WriteLines(LakeMeasurement m)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lake: {m.Events} events, pipeline {m.PipelineEventsPerSecond:F0} events/s, direct write "
            + $"{m.DirectEventsPerSecond:F0} events/s, ratio {m.Ratio:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lake: pipeline {m.PipelineElapsed.TotalSeconds:F2} s from the first send to the last object (sending took "
            + $"{m.PublishElapsed.TotalSeconds:F2} s), direct write {m.DirectElapsed.TotalSeconds:F2} s; {m.Objects} objects "
            + $"({m.SizeObjects} by the size limit of {m.MaxObjectBytes:N0} bytes), {Mib(m.LakeBytes)} MiB of Parquet, "
            + $"documents {m.MeanDocumentLength:F0} characters on average, {m.Partitions} partitions"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lake: commit-to-object latency by the size limit ({m.ObservedLatency.Count} events): {Latency(m.ObservedLatency)} "
            + $"as polled; {Latency(m.ManifestLatency)} by the manifests' publishedAt"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lake: managed memory {Mib(m.ManagedBytesBefore)} MiB before sending, {Mib(m.ManagedBytesAfter)} MiB after the "
            + $"last object, growth {Mib(m.ManagedGrowthBytes)} MiB"));
        Console.WriteLine(
            $"lake: {Verdict(m)}: {m.Missing} events missing, {m.Duplicates} duplicate records, direct objects "
            + (m.ObjectsIdentical ? "identical to the pipeline's" : "DIFFERENT from the pipeline's"));
    }

    public static string Verdict(LakeMeasurement m) => m.Complete ? "PASS" : "FAIL";

    private static string Latency(LatencySummary summary) => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Ms(summary.P50)} ms, p95 {Ms(summary.P95)} ms, max {Ms(summary.Max)} ms");

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => (bytes / Mebibyte).ToString("F1", CultureInfo.InvariantCulture);
}
