using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Orleans.Streams;

namespace Dovetail.Grains.Tests;

/// <summary>
/// A change the batching grain cannot buffer is delivered again by the stream, in order, until
/// <c>Lake:MaxDeliveryTime</c>.
/// </summary>
public static class LakeDeliveryRetryTests
{
    private const int DefaultPartitions = 8;
    private const string FlushReminder = "flush";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>The default delivery time of one day.</summary>
    public sealed class DefaultDeliveryFixture : FaultyBufferFixture;

    /// <summary>
    /// One-hour windows, so a change is published only by its window's timer and reminder, and a test can check
    /// that the window was scheduled long before it ends.
    /// </summary>
    public sealed class LongWindowFixture : FaultyBufferFixture
    {
        protected override void Configure(IDictionary<string, string> settings)
        {
            base.Configure(settings);
            settings["Lake:Window"] = "01:00:00";
        }
    }

    /// <summary>A two-second delivery time, far below the one-minute default of Orleans.</summary>
    public sealed class ShortDeliveryFixture : FaultyBufferFixture
    {
        protected override void Configure(IDictionary<string, string> settings)
        {
            base.Configure(settings);
            settings["Lake:MaxDeliveryTime"] = "00:00:02";
        }
    }

    public sealed class WithinDeliveryTime(DefaultDeliveryFixture fixture) : IClassFixture<DefaultDeliveryFixture>
    {
        [Fact]
        public async Task BufferOutage_KeepsChangeAndOrder()
        {
            var (failing, next) = TwoChangesOfOnePartition();
            fixture.Faults.FailAppends(failing.EventId, 2);

            await PublishAsync(fixture, failing, next);
            var records = await Polling.UntilAsync(
                () => Task.FromResult(LakeReader.Records(fixture.LakeRoot)),
                found => found.Any(record => record.EventId == next.EventId),
                Bound);

            var eventIds = records.Select(record => record.EventId).ToList();
            Assert.Single(eventIds, id => id == failing.EventId);
            Assert.Single(eventIds, id => id == next.EventId);
            Assert.True(eventIds.IndexOf(failing.EventId) < eventIds.IndexOf(next.EventId));
        }
    }

    public sealed class FailureAfterAppend(LongWindowFixture fixture) : IClassFixture<LongWindowFixture>
    {
        [Fact]
        public async Task WindowOpenedByFailedDelivery_IsScheduled()
        {
            var (change, _) = TwoChangesOfOnePartition();
            var batching = fixture.Grains.GetGrain<IChangeBatchGrain>(ChangeStreams.PartitionOf(change.SubmissionId, DefaultPartitions));
            fixture.Faults.FailStatusReadAfterAppend(change.EventId);

            await PublishAsync(fixture, change);
            var reminders = await Polling.UntilAsync(
                () => fixture.ReadRemindersAsync(batching), names => names.Contains(FlushReminder), Bound);
            var published = await batching.FlushAsync();

            Assert.Contains(FlushReminder, reminders);
            Assert.Equal(1, published);
            Assert.Single(LakeReader.Records(fixture.LakeRoot), record => record.EventId == change.EventId);
        }
    }

    public sealed class BeyondDeliveryTime(ShortDeliveryFixture fixture) : IClassFixture<ShortDeliveryFixture>
    {
        [Fact]
        public async Task EndlessBufferFailure_SkipsChangeAfterLimit()
        {
            var (failing, next) = TwoChangesOfOnePartition();
            fixture.Faults.FailAppends(failing.EventId, int.MaxValue);

            await PublishAsync(fixture, failing, next);
            var records = await Polling.UntilAsync(
                () => Task.FromResult(LakeReader.Records(fixture.LakeRoot)),
                found => found.Any(record => record.EventId == next.EventId),
                Bound);

            Assert.DoesNotContain(records, record => record.EventId == failing.EventId);
        }
    }

    private static (SubmissionChanged Failing, SubmissionChanged Next) TwoChangesOfOnePartition()
    {
        var first = Submissions.NewId();
        var partition = ChangeStreams.PartitionOf(first, DefaultPartitions);
        var second = Submissions.NewId();
        while (ChangeStreams.PartitionOf(second, DefaultPartitions) != partition)
        {
            second = Submissions.NewId();
        }

        return (Change(first), Change(second));
    }

    private static SubmissionChanged Change(string submissionId) => new(
        SubmissionChanged.EventIdOf(submissionId, 1), submissionId, 1, SubmissionStatus.Accepted, DateTimeOffset.UtcNow,
        "created", Submissions.ClientId, Guid.NewGuid().ToString("N"), null, "{}");

    private static async Task PublishAsync(ClusterFixture fixture, params SubmissionChanged[] changes)
    {
        var partition = ChangeStreams.PartitionOf(changes[0].SubmissionId, DefaultPartitions);
        var stream = fixture.Cluster.Client.GetStreamProvider(ChangeStreams.ProviderName)
            .GetStream<SubmissionChanged>(StreamId.Create(ChangeStreams.Namespace, partition));
        foreach (var change in changes)
        {
            await stream.OnNextAsync(change);
        }
    }
}
