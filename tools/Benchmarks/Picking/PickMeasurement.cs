namespace Dovetail.Benchmarks.Picking;

/// <summary>
/// What one lookup measured. Byte counts are in bytes; memory figures are those of the benchmark process.
/// </summary>
internal sealed record PickMeasurement(
    PickCase Case,
    string Outcome,
    bool Matched,
    long BytesRead,
    TimeSpan Elapsed,
    long BaselineManagedBytes,
    long PeakManagedBytes,
    long PeakCommittedBytes,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    long WorkingSetBeforeBytes,
    long PeakWorkingSetBytes,
    long Samples)
{
    /// <summary>The target: peak managed memory grows by less than this over the baseline.</summary>
    public const long GrowthLimitBytes = 32L * 1024 * 1024;

    public long GrowthBytes => PeakManagedBytes - BaselineManagedBytes;

    public double MegabytesPerSecond => BytesRead / (1024.0 * 1024.0) / Elapsed.TotalSeconds;

    /// <summary>True when the pick succeeded and the growth stayed under <see cref="GrowthLimitBytes"/>.</summary>
    public bool Passed => Matched && GrowthBytes < GrowthLimitBytes;
}
