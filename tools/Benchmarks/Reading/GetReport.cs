using System.Globalization;

namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// Prints the read-path figures.
/// </summary>
internal static class GetReport
{
    public static void WriteLine(string target, ServerRun run)
    {
        var result = run.Load;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {target,-9} {result.RequestsPerSecond,10:F0} req/s   p50 {Ms(result.P50),8} ms   p99 {Ms(result.P99),8} ms   "
            + $"{run.MicrosecondsPerRequest,6:F1} us processor time per request   "
            + $"{result.Requests:N0} requests, {result.Errors} errors"));
    }

    public static void WriteTable(IReadOnlyList<GetComparison> rounds)
    {
        Console.WriteLine();
        Console.WriteLine(
            "| round | document bytes | Dovetail req/s | Dovetail p99 ms | Dovetail us/req | bare req/s | bare p99 ms "
            + "| bare us/req | ratio | processor time ratio | result |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (var index = 0; index < rounds.Count; index++)
        {
            var round = rounds[index];
            var (dovetail, bare) = (round.Dovetail, round.Bare);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {index + 1} | {round.DocumentBytes:N0} | {dovetail.Load.RequestsPerSecond:F0} | {Ms(dovetail.Load.P99)} | "
                + $"{dovetail.MicrosecondsPerRequest:F1} | {bare.Load.RequestsPerSecond:F0} | {Ms(bare.Load.P99)} | "
                + $"{bare.MicrosecondsPerRequest:F1} | {round.Ratio:F2} | {round.ProcessorRatio:F2} | {Verdict(round)} |"));
        }
    }

    public static string Verdict(GetComparison round)
    {
        if (round.Passed)
        {
            return "PASS";
        }

        return round.Ratio >= GetComparison.MinimumRatio ? "FAIL (errors)" : "FAIL";
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture);
}
