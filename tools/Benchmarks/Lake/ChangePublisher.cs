using System.Diagnostics;
using Dovetail.Grains.Abstractions.Changes;
using Orleans.Runtime;
using Orleans.Streams;

namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// Publishes the run's events on the change stream partitions from concurrent loops, as many submission grains
/// would. Each submission belongs to one loop, so its versions are sent in order, and every event's send time is
/// kept for the latency figures.
/// </summary>
internal sealed class ChangePublisher
{
    private readonly LakeEventSet _events;
    private readonly IAsyncStream<SubmissionChanged>[] _streams;
    private readonly long[] _sentTimestamps;

    public ChangePublisher(IClusterClient client, LakeEventSet events, int partitions)
    {
        _events = events;
        var provider = client.GetStreamProvider(ChangeStreams.ProviderName);
        _streams = Enumerable.Range(0, partitions)
            .Select(partition => provider.GetStream<SubmissionChanged>(StreamId.Create(ChangeStreams.Namespace, partition)))
            .ToArray();
        _sentTimestamps = new long[events.Count];
    }

    /// <summary>
    /// The <see cref="Stopwatch"/> timestamp taken just before each event was handed to the stream, by the event's
    /// index. It is taken as the moment the submission grain committed the change.
    /// </summary>
    public IReadOnlyList<long> SentTimestamps => _sentTimestamps;

    public Task PublishAllAsync(int loops, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, loops)
            .Select(loop => Task.Run(() => PublishLoopAsync(loop, loops, cancellationToken), cancellationToken)));

    // Loop number `loop` sends the submissions loop, loop + loops, loop + 2 * loops, ..., each with all its versions.
    private async Task PublishLoopAsync(int loop, int loops, CancellationToken cancellationToken)
    {
        const int Versions = LakeEventSet.VersionsPerSubmission;
        for (var first = loop * Versions; first < _events.Count; first += loops * Versions)
        {
            for (var index = first; index < Math.Min(first + Versions, _events.Count); index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _sentTimestamps[index] = Stopwatch.GetTimestamp();
                await _streams[_events.Partitions[index]].OnNextAsync(_events.Events[index]);
            }
        }
    }
}
