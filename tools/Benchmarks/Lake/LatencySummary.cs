namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// Percentiles of a set of latencies, by the nearest-rank method.
/// </summary>
internal sealed record LatencySummary(int Count, TimeSpan P50, TimeSpan P95, TimeSpan Max)
{
    public static LatencySummary Of(IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        }

        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), sorted[^1]);
    }

    private static TimeSpan Rank(TimeSpan[] sorted, double percentile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Length) - 1)];
}
