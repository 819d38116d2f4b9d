using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Insights;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Abstractions.Warehouse;
using Dovetail.Grains.Lake;
using Dovetail.PostgreSql.Tests.Submissions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Dovetail.PostgreSql.Tests.Warehouse;

/// <summary>
/// The load grain on a PostgreSQL cluster: a load through the cluster fills the warehouse schema, and its event on
/// the ADO.NET stream refreshes the insights dataset.
/// </summary>
public sealed class WarehouseClusterTests(WarehouseClusterTests.Fixture fixture) : IClassFixture<WarehouseClusterTests.Fixture>
{
    private static readonly DateOnly Day = new(2026, 12, 3);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>A PostgreSQL cluster with a lake folder of its own.</summary>
    public sealed class Fixture : SubmissionClusterFixture
    {
        public string LakeRoot { get; } = Path.Combine(Path.GetTempPath(), $"dovetail-warehouse-cluster-{Guid.NewGuid():N}");

        protected override void Configure(IDictionary<string, string> settings) => settings["Lake:Root"] = LakeRoot;

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(LakeRoot))
            {
                Directory.Delete(LakeRoot, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Load_FillsSchemaAndRefreshesInsights()
    {
        var lake = new LakePublisher(
            new LocalLakeStore(Options.Create(new LakeOptions { Root = fixture.LakeRoot })), TimeProvider.System);
        var windowStart = new DateTimeOffset(Day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var changes = Enumerable.Range(1, 3)
            .Select(version => new SubmissionChanged(
                $"sub-w:{version}", "sub-w", version, SubmissionStatus.Enriching,
                windowStart.AddSeconds(version), "test", "client-a", "corr-w", null, """{"id":"sub-w"}"""))
            .ToList();
        await lake.PublishAsync(new LakeBatch(0, windowStart, 1, changes), TestContext.Current.CancellationToken);

        var result = await fixture.Grains.GetGrain<IWarehouseLoadGrain>(0).LoadAsync(Day, force: false);
        var dataset = await PollInsightsAsync();
        var rows = await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM dovetail_warehouse.changes WHERE service_id = '{fixture.ServiceId}' AND day = DATE '2026-12-03'",
            TestContext.Current.CancellationToken);

        Assert.Equal(WarehouseLoadOutcome.Loaded, result.Outcome);
        Assert.Equal(3, rows);
        Assert.Contains(new DailyStatusCount(Day, "enriching", 3), dataset.Transitions);
    }

    private async Task<InsightsDataset> PollInsightsAsync()
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            var dataset = await fixture.Grains.GetGrain<IInsightsGrain>(0).GetAsync();
            if (dataset.LastLoad?.Day == Day)
            {
                return dataset;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The insights dataset did not show the load of {Day} within {Bound}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }
}
