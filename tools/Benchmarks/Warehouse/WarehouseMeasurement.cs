namespace Dovetail.Benchmarks.Warehouse;

/// <summary>One load of the warehouse benchmark's day.</summary>
/// <param name="Name">What the load was: first, repeated, forced.</param>
/// <param name="Outcome">The loader's outcome, <c>Loaded</c> or <c>Unchanged</c>.</param>
/// <param name="Rows">The rows the warehouse stores for the day afterwards.</param>
/// <param name="PeakManagedGrowthBytes">The peak managed heap during the load, over the heap before it.</param>
internal sealed record WarehouseMeasurement(
    string Name, string Outcome, TimeSpan Elapsed, long Rows, long PeakManagedGrowthBytes)
{
    public double RowsPerSecond => Outcome == "Loaded" && Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;
}
