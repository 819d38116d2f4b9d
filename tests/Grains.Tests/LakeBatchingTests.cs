using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Grains.Tests;

/// <summary>
/// Change events reach the lake through the batching grains: two-second windows, objects far below the size limit.
/// </summary>
public sealed class LakeBatchingTests(LakeBatchingTests.Fixture fixture) : IClassFixture<LakeBatchingTests.Fixture>
{
    private const int DefaultPartitions = 8;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public sealed class Fixture : ClusterFixture
    {
        protected override void Configure(IDictionary<string, string> settings)
        {
            settings["Lake:Window"] = "00:00:02";
            settings["Lake:MaxObjectBytes"] = "10000000";
        }
    }

    [Fact]
    public async Task CompletedSubmissions_AppearInLakeExactlyOnce()
    {
        var ids = new List<string>();
        foreach (var name in new[] { "Zürich", "Bern", "Basel", "Genève", "Lugano" })
        {
            var id = Submissions.NewId();
            ids.Add(id);
            var grain = fixture.Grains.GetGrain<ISubmissionGrain>(id);
            await grain.CreateAsync(Submissions.Create(name, "CH"));
            await grain.AddDataAsync(Submissions.AddData("""{"n":1}"""));
        }

        var records = await Polling.UntilAsync(
            () => Task.FromResult(LakeReader.Records(fixture.LakeRoot).Where(record => ids.Contains(record.SubmissionId)).ToList()),
            found => found.Count(record => record.Status == "completed") == ids.Count,
            Bound);

        foreach (var id in ids)
        {
            var versions = records.Where(record => record.SubmissionId == id).Select(record => record.Version).Order();
            Assert.Equal([1, 2, 3, 4], versions);
        }

        Assert.Equal(records.Count, records.Select(record => record.EventId).Distinct().Count());
    }

    [Fact]
    public async Task RedeliveredEvent_IsNotPublishedTwice()
    {
        var id = Submissions.NewId();
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(id);
        await grain.CreateAsync(Submissions.Create("Thun", "CH"));
        await Polling.UntilAsync(
            () => Task.FromResult(LakeReader.Records(fixture.LakeRoot).Count(record => record.SubmissionId == id)),
            count => count >= 3,
            Bound);

        // Deliver version 1 again, as an at-least-once stream does after a lost acknowledgement.
        var first = LakeReader.Records(fixture.LakeRoot).First(record => record.SubmissionId == id && record.Version == 1);
        var stream = fixture.Cluster.Client.GetStreamProvider(ChangeStreams.ProviderName)
            .GetStream<SubmissionChanged>(StreamId.Create(ChangeStreams.Namespace, ChangeStreams.PartitionOf(id, DefaultPartitions)));
        await stream.OnNextAsync(new SubmissionChanged(
            first.EventId, id, 1, SubmissionStatus.Accepted, DateTimeOffset.UtcNow, "created", Submissions.ClientId,
            first.CorrelationId, null, "{}"));
        await grain.AddDataAsync(Submissions.AddData("""{"n":2}"""));
        var records = await Polling.UntilAsync(
            () => Task.FromResult(LakeReader.Records(fixture.LakeRoot).Where(record => record.SubmissionId == id).ToList()),
            found => found.Any(record => record.Status == "completed"),
            Bound);

        Assert.Single(records, record => record.Version == 1);
    }

    [Fact]
    public async Task Flush_PublishesBufferedEventsAtOnce()
    {
        var id = Submissions.NewId();
        var partition = ChangeStreams.PartitionOf(id, DefaultPartitions);
        await fixture.Grains.GetGrain<ISubmissionGrain>(id).CreateAsync(Submissions.Create("Sion", "CH"));

        // Flushing right away may find the events still on their way; polling covers that without a fixed wait.
        await Polling.UntilAsync(
            async () =>
            {
                await fixture.Grains.GetGrain<IChangeBatchGrain>(partition).FlushAsync();
                return LakeReader.Records(fixture.LakeRoot).Count(record => record.SubmissionId == id);
            },
            count => count >= 1,
            Bound);

        Assert.Contains(LakeReader.ObjectPaths(fixture.LakeRoot), path => path.Contains($"/p{partition:D3}-", StringComparison.Ordinal));
    }
}
