namespace Dovetail.Demo.Stats;

/// <summary>
/// Nearest-rank percentiles and the maximum of one stage's latencies, in milliseconds; all zero when Count is 0.
/// </summary>
internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0);
}
