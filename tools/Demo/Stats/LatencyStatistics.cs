namespace Dovetail.Demo.Stats;

/// <summary>
/// Computes latency percentiles with the nearest-rank method: the p-th percentile is the smallest sample that is
/// greater than or equal to p percent of the samples.
/// </summary>
internal static class LatencyStatistics
{
    public static LatencySummary Summarize(IEnumerable<TimeSpan> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Select(sample => sample.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
        {
            return LatencySummary.Empty;
        }

        return new LatencySummary(
            sorted.Length,
            Percentile(sorted, 50),
            Percentile(sorted, 95),
            Percentile(sorted, 99),
            sorted[^1]);
    }

    /// <summary>Returns the nearest-rank percentile of samples sorted in ascending order.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[rank - 1];
    }
}
