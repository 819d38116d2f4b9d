using System.Globalization;

namespace Dovetail.Benchmarks.Picking;

/// <summary>
/// Prints the picking figures. Sizes are in MiB (1,048,576 bytes).
/// </summary>
internal static class PickReport
{
    private const double Mebibyte = 1024 * 1024;

    public static void WriteLine(PickMeasurement m)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
              picked:            {m.Outcome}
              bytes read:        {m.BytesRead:N0} ({Mib(m.BytesRead)} MiB)
              elapsed:           {m.Elapsed.TotalSeconds:F2} s, {m.MegabytesPerSecond:F1} MiB/s
              managed baseline:  {Mib(m.BaselineManagedBytes)} MiB
              managed peak:      {Mib(m.PeakManagedBytes)} MiB ({m.Samples:N0} samples)
              growth:            {Mib(m.GrowthBytes)} MiB, limit {Mib(PickMeasurement.GrowthLimitBytes)} MiB: {Verdict(m)}
              GC committed peak: {Mib(m.PeakCommittedBytes)} MiB
              allocated:         {Mib(m.AllocatedBytes)} MiB in total; collections gen0 {m.Gen0Collections}, gen1 {m.Gen1Collections}, gen2 {m.Gen2Collections}
              working set:       {Mib(m.WorkingSetBeforeBytes)} MiB before, process peak so far {Mib(m.PeakWorkingSetBytes)} MiB
            """));
    }

    /// <summary>Prints one Markdown table row per measurement, ready for docs/benchmarks.md.</summary>
    public static void WriteTable(IReadOnlyList<PickMeasurement> measurements)
    {
        Console.WriteLine();
        Console.WriteLine("| case | bytes read | elapsed | MiB/s | baseline MiB | peak MiB | growth MiB | allocated MiB | peak working set MiB | result |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var m in measurements)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Case.Name} | {m.BytesRead:N0} | {m.Elapsed.TotalSeconds:F2} s | {m.MegabytesPerSecond:F1} | "
                + $"{Mib(m.BaselineManagedBytes)} | {Mib(m.PeakManagedBytes)} | {Mib(m.GrowthBytes)} | "
                + $"{Mib(m.AllocatedBytes)} | {Mib(m.PeakWorkingSetBytes)} | {Verdict(m)} |"));
        }
    }

    private static string Verdict(PickMeasurement m)
    {
        if (m.Passed)
        {
            return "PASS";
        }

        return m.Matched ? "FAIL" : "FAIL (no pick)";
    }

    private static string Mib(long bytes) => (bytes / Mebibyte).ToString("F1", CultureInfo.InvariantCulture);
}
