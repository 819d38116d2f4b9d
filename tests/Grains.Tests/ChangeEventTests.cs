using System.Collections.Concurrent;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Orleans.Streams;

namespace Dovetail.Grains.Tests;

public sealed class ChangeEventTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const int DefaultPartitions = 8;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EveryTransition_PublishesOneEventInVersionOrder()
    {
        var id = Submissions.NewId();
        var received = new ConcurrentQueue<SubmissionChanged>();
        var subscription = await SubscribeAsync(id, received);
        try
        {
            var grain = fixture.Grains.GetGrain<ISubmissionGrain>(id);
            var command = Submissions.Create("Zürich", "CH");
            await grain.CreateAsync(command);
            await Polling.UntilAsync(
                async () => (await grain.GetAsync(Submissions.ClientId))!.Status,
                status => status == SubmissionStatus.AwaitingData,
                Bound);
            await grain.AddDataAsync(Submissions.AddData("""{"n":1}"""));

            var events = await Polling.UntilAsync(
                () => Task.FromResult(received.ToArray()),
                events => events.Any(change => change.Status == SubmissionStatus.Completed),
                Bound);

            Assert.Equal([1, 2, 3, 4], events.Select(change => change.Version));
            Assert.Equal(
                [SubmissionStatus.Accepted, SubmissionStatus.Enriching, SubmissionStatus.AwaitingData, SubmissionStatus.Completed],
                events.Select(change => change.Status));
            Assert.Equal($"{id}:1", events[0].EventId);
            Assert.Equal(command.CorrelationId, events[0].CorrelationId);
            Assert.Equal(Submissions.ClientId, events[0].ClientId);
            Assert.Contains("\"result\"", events[3].DocumentJson, StringComparison.Ordinal);
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task ReplayedCreate_PublishesNothingMore()
    {
        var id = Submissions.NewId();
        var received = new ConcurrentQueue<SubmissionChanged>();
        var subscription = await SubscribeAsync(id, received);
        try
        {
            var grain = fixture.Grains.GetGrain<ISubmissionGrain>(id);
            var command = Submissions.Create("Bern", "CH");
            await grain.CreateAsync(command);
            await Polling.UntilAsync(
                async () => (await grain.GetAsync(Submissions.ClientId))!.Status,
                status => status == SubmissionStatus.AwaitingData,
                Bound);
            await grain.CreateAsync(command);

            var events = await Polling.UntilAsync(
                () => Task.FromResult(received.ToArray()),
                events => events.Length >= 3,
                Bound);

            Assert.Single(events, change => change.Cause == "created");
            Assert.Equal(3, events.Length);
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    private async Task<StreamSubscriptionHandle<SubmissionChanged>> SubscribeAsync(
        string submissionId, ConcurrentQueue<SubmissionChanged> received)
    {
        var partition = ChangeStreams.PartitionOf(submissionId, DefaultPartitions);
        var stream = fixture.Cluster.Client.GetStreamProvider(ChangeStreams.ProviderName)
            .GetStream<SubmissionChanged>(StreamId.Create(ChangeStreams.Namespace, partition));

        // A partition carries other submissions' changes too; only this submission's are kept.
        return await stream.SubscribeAsync((change, _) =>
        {
            if (change.SubmissionId == submissionId)
            {
                received.Enqueue(change);
            }

            return Task.CompletedTask;
        });
    }
}
