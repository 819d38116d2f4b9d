using System.Diagnostics;
using Dovetail.Grains.Lake;
using Microsoft.Extensions.Options;

namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// Writes the objects that the pipeline published again, straight through <see cref="LakePublisher"/> into a
/// <see cref="LocalLakeStore"/>, with no Orleans, stream or buffer in between: the same events in the same order and
/// under the same names, so the same Parquet rows, compression and object sizes. As the batching grains do, one
/// writer per partition runs at a time and the partitions run concurrently. The query step that the silo runs on
/// every object is not part of this baseline.
/// </summary>
internal static class DirectWriteBaseline
{
    public static async Task<(TimeSpan Elapsed, bool Identical)> RunAsync(
        string lakeRoot, LakeEventSet events, IReadOnlyList<PublishedObject> objects, CancellationToken cancellationToken)
    {
        var publisher = new LakePublisher(new LocalLakeStore(Options.Create(new LakeOptions { Root = lakeRoot })), TimeProvider.System);
        var batches = objects
            .GroupBy(published => published.Observed.Manifest.Partition)
            .Select(partition => partition
                .OrderBy(published => published.Observed.Manifest.WindowStart)
                .ThenBy(published => published.Observed.Manifest.Sequence)
                .Select(published => (Expected: published.Observed.Manifest, Batch: ToBatch(published, events)))
                .ToList())
            .ToList();

        var mismatches = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(batches.Select(async partition =>
        {
            foreach (var (expected, batch) in partition)
            {
                var written = await publisher.PublishAsync(batch, cancellationToken);
                if (!string.Equals(written.Sha256, expected.Sha256, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        }));
        return (Stopwatch.GetElapsedTime(started), mismatches == 0);
    }

    private static LakeBatch ToBatch(PublishedObject published, LakeEventSet events)
    {
        var manifest = published.Observed.Manifest;
        var changes = published.EventIndexes.Select(index => events.Events[index]).ToList();
        return new LakeBatch(manifest.Partition, manifest.WindowStart, manifest.Sequence, changes);
    }
}
