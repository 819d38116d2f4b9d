using System.Diagnostics;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Lake.Queries;

namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// Measures how fast change events travel from the change stream through the batching grains into published lake
/// objects, next to writing the same objects directly, and how long an event waits for its object when the size
/// limit publishes it.
/// </summary>
internal static class LakeBenchmark
{
    private const int Partitions = 8;

    // Only the size limit and the final flush should publish, so the window is the longest LakeOptions accepts. A run
    // that crosses midnight UTC still closes one window early, and its objects count as published by size.
    private static readonly TimeSpan Window = TimeSpan.FromDays(1);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    // A bound on each wait, so that a pipeline that loses events fails the run instead of hanging it.
    private static readonly TimeSpan WaitBound = TimeSpan.FromMinutes(5);

    public static async Task<LakeMeasurement> RunAsync(
        int eventCount, int publishers, long maxObjectBytes, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), $"dovetail-lake-benchmark-{Guid.NewGuid():N}");
        var pipelineRoot = Path.Combine(root, "pipeline");
        var directRoot = Path.Combine(root, "direct");
        try
        {
            var events = LakeEventSet.Create(eventCount, Partitions, DateTimeOffset.UtcNow);
            Console.WriteLine($"lake: built {events}; lake in {root}");

            await using var silo = await LakeSilo.StartAsync(pipelineRoot, maxObjectBytes, Partitions, Window, cancellationToken);
            var publisher = new ChangePublisher(silo.Client, events, Partitions);
            var watcher = new ManifestWatcher(pipelineRoot);
            var managedBefore = CollectAndMeasure();

            Console.WriteLine($"lake: publishing on {Partitions} partitions from {publishers} loops ({MachineLoad.Describe()}) ...");
            var startUtc = DateTimeOffset.UtcNow;
            var started = Stopwatch.GetTimestamp();
            var publishing = PublishAsync(publisher, publishers, cancellationToken);
            await WaitUntilDeliveredAsync(silo, watcher, publishing, eventCount, cancellationToken);
            var publishElapsed = Stopwatch.GetElapsedTime(started, await publishing);

            // The rest of each partition is below the size limit, so only a flush publishes it before the window ends.
            watcher.MarkFlushRequested();
            await Task.WhenAll(Enumerable.Range(0, Partitions)
                .Select(partition => silo.Client.GetGrain<IChangeBatchGrain>(partition).FlushAsync()));
            await PollUntilAsync(watcher, () => watcher.Records >= eventCount, "the flushed objects to appear", cancellationToken);
            var pipelineElapsed = Stopwatch.GetElapsedTime(started, watcher.LastGrowthTimestamp);
            Console.WriteLine($"lake: all {eventCount} records published in {watcher.Manifests.Count} objects ({MachineLoad.Describe()})");

            // The silo runs the query step on every object beside the batching. It is waited for here, so that it
            // does not share the cores with the direct write below.
            await WaitForQueryStepAsync(pipelineRoot, watcher.Manifests.Count, cancellationToken);
            var managedAfter = CollectAndMeasure();

            var objects = await ReadObjectsAsync(pipelineRoot, events, watcher, cancellationToken);
            var (missing, duplicates) = CountMissingAndDuplicates(events, objects);
            var (observed, byManifest) = MeasureLatencies(objects, publisher.SentTimestamps, started, startUtc);

            Console.WriteLine($"lake: writing the same objects directly ({MachineLoad.Describe()}) ...");
            var (directElapsed, identical) = await DirectWriteBaseline.RunAsync(directRoot, events, objects, cancellationToken);

            return new LakeMeasurement(
                eventCount,
                Partitions,
                maxObjectBytes,
                events.MeanDocumentLength(),
                publishElapsed,
                pipelineElapsed,
                directElapsed,
                objects.Count,
                objects.Count(published => published.Observed.BeforeFlush),
                objects.Sum(published => published.Observed.Manifest.Bytes),
                identical,
                missing,
                duplicates,
                observed,
                byManifest,
                managedBefore,
                managedAfter);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>Publishes every event and returns the timestamp at which the last send completed.</summary>
    private static async Task<long> PublishAsync(ChangePublisher publisher, int loops, CancellationToken cancellationToken)
    {
        await publisher.PublishAllAsync(loops, cancellationToken);
        return Stopwatch.GetTimestamp();
    }

    private static long CollectAndMeasure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// Polls until every event is either in a published object or in a partition's buffer, which means the stream
    /// delivered all of them. The count must hold on two polls in a row: an object whose manifest is stored but whose
    /// events have not yet left the buffer is counted twice for a moment.
    /// </summary>
    private static async Task WaitUntilDeliveredAsync(
        LakeSilo silo, ManifestWatcher watcher, Task publishing, int eventCount, CancellationToken cancellationToken)
    {
        var matches = 0;
        await PollUntilAsync(
            watcher,
            async () =>
            {
                if (!publishing.IsCompleted)
                {
                    return false;
                }

                // A failed or cancelled publish ends the run with its own exception.
                await publishing;
                var buffered = 0L;
                for (var partition = 0; partition < Partitions; partition++)
                {
                    buffered += (await silo.Buffer.ReadStatusAsync(partition, cancellationToken)).Count;
                }

                matches = watcher.Records + buffered == eventCount ? matches + 1 : 0;
                return matches >= 2;
            },
            "the stream to deliver every event",
            cancellationToken);
    }

    private static async Task WaitForQueryStepAsync(string lakeRoot, int objects, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await PollUntilAsync(
            null,
            () => Task.FromResult(CountFiles(lakeRoot, LakeQueryPaths.ResultPrefix) + CountFiles(lakeRoot, LakeQueryPaths.DeadLetterPrefix) >= objects),
            "the query step to finish every object",
            cancellationToken);
        Console.WriteLine($"lake: the query step finished its last object {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s later");
    }

    private static int CountFiles(string lakeRoot, string prefix)
    {
        var folder = Path.Combine(lakeRoot, prefix);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Count()
            : 0;
    }

    private static Task PollUntilAsync(
        ManifestWatcher watcher, Func<bool> condition, string description, CancellationToken cancellationToken) =>
        PollUntilAsync(watcher, () => Task.FromResult(condition()), description, cancellationToken);

    private static async Task PollUntilAsync(
        ManifestWatcher? watcher, Func<Task<bool>> condition, string description, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(WaitBound.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (watcher is not null)
            {
                await watcher.PollAsync(cancellationToken);
            }

            if (await condition())
            {
                return;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                var found = watcher is null ? "" : $" ({watcher.Records} records in {watcher.Manifests.Count} objects so far)";
                throw new BenchmarkSetupException($"Timed out after {WaitBound.TotalMinutes:F0} minutes waiting for {description}{found}.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<PublishedObject>> ReadObjectsAsync(
        string lakeRoot, LakeEventSet events, ManifestWatcher watcher, CancellationToken cancellationToken)
    {
        var objects = new List<PublishedObject>();
        foreach (var observed in watcher.Manifests)
        {
            var eventIds = await LakeObjectReader.ReadEventIdsAsync(lakeRoot, observed.Manifest.ObjectPath, cancellationToken);
            objects.Add(new PublishedObject(observed, eventIds.Select(events.IndexOf).ToList()));
        }

        return objects;
    }

    private static (int Missing, int Duplicates) CountMissingAndDuplicates(LakeEventSet events, IReadOnlyList<PublishedObject> objects)
    {
        var copies = new int[events.Count];
        var duplicates = 0;
        foreach (var index in objects.SelectMany(published => published.EventIndexes))
        {
            // An id that is not one of the run's events counts as a duplicate, because it is a record too many.
            if (index < 0 || ++copies[index] > 1)
            {
                duplicates++;
            }
        }

        return (copies.Count(copy => copy == 0), duplicates);
    }

    /// <summary>
    /// Returns, for every event in an object published by the size limit, the time from its send to the poll that
    /// found the object, and to the <c>publishedAt</c> time in the object's manifest.
    /// </summary>
    private static (LatencySummary Observed, LatencySummary ByManifest) MeasureLatencies(
        IReadOnlyList<PublishedObject> objects, IReadOnlyList<long> sentTimestamps, long started, DateTimeOffset startUtc)
    {
        var observed = new List<TimeSpan>();
        var byManifest = new List<TimeSpan>();
        foreach (var published in objects.Where(published => published.Observed.BeforeFlush))
        {
            foreach (var index in published.EventIndexes.Where(index => index >= 0))
            {
                var sent = sentTimestamps[index];
                observed.Add(Stopwatch.GetElapsedTime(sent, published.Observed.SeenTimestamp));
                byManifest.Add(published.Observed.Manifest.PublishedAt - (startUtc + Stopwatch.GetElapsedTime(started, sent)));
            }
        }

        return (LatencySummary.Of(observed), LatencySummary.Of(byManifest));
    }
}
