using System.Diagnostics;
using System.Globalization;
using Dovetail.Benchmarks.Lake;
using Dovetail.Benchmarks.Picking;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Warehouse;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dovetail.Benchmarks.Warehouse;

/// <summary>
/// Publishes one lake day of realistic change events to a lake folder, then loads it into a fresh DuckDB warehouse
/// three times (first, repeated, forced) and measures each load's time and peak managed memory. The loader reads
/// one object at a time, so memory should follow the object size, not the day's.
/// </summary>
internal static class WarehouseBenchmark
{
    public const int EventsPerObject = 1_000;

    private static readonly DateOnly Day = new(2026, 12, 3);

    public static async Task<IReadOnlyList<WarehouseMeasurement>> RunAsync(int events, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), $"dovetail-warehouse-bench-{Guid.NewGuid():N}");
        try
        {
            var publisher = new LakePublisher(
                new LocalLakeStore(Options.Create(new LakeOptions { Root = Path.Combine(root, "lake") })), TimeProvider.System);
            var published = Stopwatch.StartNew();
            var (objects, lakeBytes) = await PublishDayAsync(publisher, events, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warehouse: published {events:N0} events in {objects:N0} objects ({lakeBytes / 1024.0 / 1024.0:F1} MiB of Parquet) in {published.Elapsed.TotalSeconds:F1} s"));

            var warehouse = new DuckDbWarehouse(Options.Create(new WarehouseOptions
            {
                DuckDbPath = Path.Combine(root, "warehouse", "dovetail.duckdb"),
            }));
            var loader = new WarehouseLoader(publisher, warehouse, TimeProvider.System, NullLogger<WarehouseLoader>.Instance);
            return
            [
                await MeasureAsync("first", loader, warehouse, force: false, cancellationToken),
                await MeasureAsync("repeated", loader, warehouse, force: false, cancellationToken),
                await MeasureAsync("forced", loader, warehouse, force: true, cancellationToken),
            ];
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<WarehouseMeasurement> MeasureAsync(
        string name, WarehouseLoader loader, DuckDbWarehouse warehouse, bool force, CancellationToken cancellationToken)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new MemorySampler(TimeSpan.FromMilliseconds(5));
        sampler.Start();
        var started = Stopwatch.StartNew();
        var result = await loader.LoadDayAsync(Day, force, cancellationToken);
        var elapsed = started.Elapsed;
        sampler.Stop();
        var rows = await warehouse.CountRowsAsync(Day, cancellationToken);
        return new WarehouseMeasurement(name, result.Outcome.ToString(), elapsed, rows, sampler.PeakTotalMemory - baseline);
    }

    private static async Task<(int Objects, long Bytes)> PublishDayAsync(
        LakePublisher publisher, int events, CancellationToken cancellationToken)
    {
        var objects = 0;
        var bytes = 0L;
        for (var first = 0; first < events; first += EventsPerObject)
        {
            var count = Math.Min(EventsPerObject, events - first);
            var windowStart = new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                .AddMinutes(objects % (24 * 60));
            var changes = Enumerable.Range(first, count).Select(index => Change(index, windowStart)).ToList();
            var manifest = await publisher.PublishAsync(
                new LakeBatch(objects / (24 * 60), windowStart, 1, changes), cancellationToken);
            bytes += manifest.Bytes;
            objects++;
        }

        return (objects, bytes);
    }

    // Four versions per submission, as a completed submission has, so the documents grow as in a real day.
    private static SubmissionChanged Change(int index, DateTimeOffset windowStart)
    {
        var id = $"bench-{index / 4:D8}";
        var version = (index % 4) + 1;
        var status = version switch
        {
            1 => SubmissionStatus.Accepted,
            2 => SubmissionStatus.Enriching,
            3 => SubmissionStatus.AwaitingData,
            _ => SubmissionStatus.Completed,
        };
        var correlationId = $"corr-{index / 4:D8}";
        var at = windowStart.AddMilliseconds(index % 60_000);
        return new SubmissionChanged(
            SubmissionChanged.EventIdOf(id, version), id, version, status, at, "bench", "client-bench", correlationId,
            null, LakeDocument.Render(id, status, version, correlationId, windowStart, at));
    }
}
