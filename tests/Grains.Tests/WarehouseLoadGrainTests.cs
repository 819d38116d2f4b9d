using System.Globalization;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Insights;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Abstractions.Warehouse;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Warehouse;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Tests;

/// <summary>
/// The daily load grain on a test cluster whose daily time is a few seconds after its start, with yesterday's
/// object already in the lake.
/// </summary>
public sealed class WarehouseLoadGrainTests(WarehouseLoadGrainTests.Fixture fixture) : IClassFixture<WarehouseLoadGrainTests.Fixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public sealed class Fixture : ClusterFixture
    {
        public static DateOnly Yesterday => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        protected override void Configure(IDictionary<string, string> settings) =>
            settings["Warehouse:DailyAt"] = (DateTime.UtcNow + TimeSpan.FromSeconds(8)).TimeOfDay.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

        protected override async Task BeforeDeployAsync()
        {
            var publisher = new LakePublisher(
                new LocalLakeStore(Options.Create(new LakeOptions { Root = LakeRoot })), TimeProvider.System);
            var windowStart = new DateTimeOffset(Yesterday.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            var change = new SubmissionChanged(
                "seeded:1", "seeded", 1, SubmissionStatus.Accepted, windowStart,
                "created", Submissions.ClientId, "corr-seeded", null, """{"id":"seeded"}""");
            await publisher.PublishAsync(new LakeBatch(0, windowStart, 1, [change]), CancellationToken.None);
        }
    }

    [Fact]
    public async Task SiloStart_RegistersDailyReminder()
    {
        var reminders = await fixture.ReadRemindersAsync(fixture.Grains.GetGrain<IWarehouseLoadGrain>(0));

        Assert.Contains(WarehouseLoadGrain.DailyReminder, reminders);
    }

    [Fact]
    public async Task DailyTick_LoadsYesterday()
    {
        var warehouse = new DuckDbWarehouse(Options.Create(new WarehouseOptions { DuckDbPath = fixture.WarehousePath }));

        var load = await Polling.UntilAsync(
            () => warehouse.ReadLoadAsync(Fixture.Yesterday, CancellationToken.None), found => found is not null, Bound);

        Assert.Equal(1, load!.Objects);
        Assert.Equal(1, load.Records);
        Assert.Equal(1, await warehouse.CountRowsAsync(Fixture.Yesterday, CancellationToken.None));
    }

    [Fact]
    public async Task Load_OnRequest_LoadsGivenDay()
    {
        var grain = fixture.Grains.GetGrain<IWarehouseLoadGrain>(0);

        var result = await grain.LoadAsync(Fixture.Yesterday, force: true);

        Assert.Equal(WarehouseLoadOutcome.Loaded, result.Outcome);
        Assert.Equal(1, result.Records);
    }

    [Fact]
    public async Task Load_RefreshesInsightsDataset()
    {
        await fixture.Grains.GetGrain<IWarehouseLoadGrain>(0).LoadAsync(Fixture.Yesterday, force: true);

        var dataset = await Polling.UntilAsync(
            () => fixture.Grains.GetGrain<IInsightsGrain>(0).GetAsync(),
            current => current.LastLoad?.Day == Fixture.Yesterday,
            Bound);

        Assert.True(dataset.Version >= 1);
        Assert.Contains(new DailyStatusCount(Fixture.Yesterday, "accepted", 1), dataset.Transitions);
    }

    [Theory]
    [InlineData("2026-12-04T00:30:00Z", "2026-12-04T01:00:00Z")]
    [InlineData("2026-12-04T01:00:00Z", "2026-12-04T01:00:00Z")]
    [InlineData("2026-12-04T23:00:00Z", "2026-12-05T01:00:00Z")]
    public void NextOccurrence_ReturnsNextDailyTime(string now, string expected)
    {
        var next = WarehouseLoadGrain.NextOccurrence(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), TimeSpan.FromHours(1));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), next);
    }
}
