using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.PostgreSql.Tests.Submissions;
using Xunit;

namespace Dovetail.PostgreSql.Tests.Changes;

/// <summary>
/// Change events travel through the ADO.NET stream on PostgreSQL to an implicitly subscribed consumer.
/// </summary>
[Collection(SubmissionClusterCollection.Name)]
public sealed class ChangeStreamTests(ChangeStreamTests.Fixture fixture) : IClassFixture<ChangeStreamTests.Fixture>
{
    public sealed class Fixture : SubmissionClusterFixture
    {
        protected override void Configure(IDictionary<string, string> settings)
        {
            settings["Submissions:ReminderPeriod"] = "00:00:01";
        }
    }

    [Fact]
    public async Task CommittedChanges_ReachConsumer_InVersionOrder()
    {
        var id = SubmissionCommands.NewId();
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(id);
        var command = SubmissionCommands.Create("Zürich", "CH");

        await grain.CreateAsync(command);
        await Polling.UntilAsync(
            async () => (await grain.GetAsync(SubmissionCommands.ClientId))!.Status,
            status => status == SubmissionStatus.AwaitingData,
            TimeSpan.FromSeconds(60));
        await grain.AddDataAsync(SubmissionCommands.AddData("""{"n":1}"""));
        var events = await Polling.UntilAsync(
            () => Task.FromResult(ChangeRecorderGrain.Received.Where(change => change.SubmissionId == id).ToArray()),
            received => received.Any(change => change.Status == SubmissionStatus.Completed),
            TimeSpan.FromSeconds(60));

        // Delivery is at least once, so duplicates may appear; the distinct versions must be complete and ordered.
        var versions = events.Select(change => change.Version).Distinct().ToArray();
        Assert.Equal([1, 2, 3, 4], versions);
        Assert.All(events, change => Assert.Equal($"{id}:{change.Version}", change.EventId));
        Assert.Equal(command.CorrelationId, events[0].CorrelationId);
    }
}
