using System.Globalization;

namespace Dovetail.Benchmarks.Warehouse;

/// <summary>Prints the warehouse benchmark's figures.</summary>
internal static class WarehouseReport
{
    public static void WriteTable(int events, IReadOnlyList<WarehouseMeasurement> loads)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| load | outcome | seconds | rows | rows/s | peak managed growth MiB | events published |"));
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var load in loads)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {load.Name} | {load.Outcome} | {load.Elapsed.TotalSeconds:F2} | {load.Rows} | {load.RowsPerSecond:F0} | "
                + $"{load.PeakManagedGrowthBytes / 1024.0 / 1024.0:F1} | {events} |"));
        }
    }

    /// <summary>True when every load left exactly one row per published event.</summary>
    public static bool Complete(int events, IReadOnlyList<WarehouseMeasurement> loads) =>
        loads.All(load => load.Rows == events);
}
