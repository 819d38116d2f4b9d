using Dovetail.Grains.Abstractions.Insights;
using Dovetail.Grains.Abstractions.Warehouse;
using Dovetail.Grains.Tests;
using Dovetail.Grains.Warehouse;
using Dovetail.PostgreSql.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Xunit;

namespace Dovetail.PostgreSql.Tests.Warehouse;

/// <summary>
/// The daily load into the warehouse schema of PostgreSQL mode, from a real lake folder.
/// </summary>
public sealed class PostgresWarehouseTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    private readonly WarehouseTestLake _lake = new();
    private TestDatabase? _database;
    private PostgresWarehouse? _warehouse;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not created yet.");

    private PostgresWarehouse Warehouse => _warehouse ?? throw new InvalidOperationException("The warehouse is not created yet.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(TestContext.Current.CancellationToken);
        _warehouse = NewWarehouse("service-a");
    }

    public async ValueTask DisposeAsync()
    {
        if (_warehouse is not null)
        {
            await _warehouse.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _lake.Dispose();
    }

    [Fact]
    public async Task Load_StoresDayAndDocumentsAsJson()
    {
        await _lake.PublishAsync(Day, 9, 0, "a", "b");
        await _lake.PublishAsync(Day.AddDays(1), 0, 0, "c");

        var result = await Loader(Warehouse).LoadDayAsync(Day, force: false, CancellationToken.None);

        Assert.Equal(WarehouseLoadOutcome.Loaded, result.Outcome);
        Assert.Equal(8, result.Records);
        Assert.Equal(8, await Warehouse.CountRowsAsync(Day, CancellationToken.None));
        Assert.Equal(0, await Warehouse.CountRowsAsync(Day.AddDays(1), CancellationToken.None));
        var note = await Database.ScalarAsync<string>(
            "SELECT document ->> 'note' FROM dovetail_warehouse.changes WHERE event_id = 'a:4'", CancellationToken.None);
        Assert.Equal("Größe", note);
    }

    [Fact]
    public async Task LateObject_ReloadsDayWithoutDuplicates()
    {
        var loader = Loader(Warehouse);
        await _lake.PublishAsync(Day, 9, 0, "a");
        await loader.LoadDayAsync(Day, force: false, CancellationToken.None);
        await _lake.PublishAsync(Day, 22, 1, "b");

        var second = await loader.LoadDayAsync(Day, force: false, CancellationToken.None);
        var third = await loader.LoadDayAsync(Day, force: false, CancellationToken.None);

        Assert.Equal(WarehouseLoadOutcome.Loaded, second.Outcome);
        Assert.Equal(WarehouseLoadOutcome.Unchanged, third.Outcome);
        Assert.Equal(8, await Warehouse.CountRowsAsync(Day, CancellationToken.None));
    }

    [Fact]
    public async Task MissingObject_RollsBackWholeDay()
    {
        var loader = Loader(Warehouse);
        await _lake.PublishAsync(Day, 9, 0, "a");
        var first = await loader.LoadDayAsync(Day, force: false, CancellationToken.None);
        await _lake.PublishAsync(Day, 9, 1, "b");
        _lake.DeleteObject(await _lake.PublishAsync(Day, 10, 2, "c"));

        await Assert.ThrowsAsync<WarehouseLoadException>(
            () => loader.LoadDayAsync(Day, force: false, CancellationToken.None));

        Assert.Equal(4, await Warehouse.CountRowsAsync(Day, CancellationToken.None));
        Assert.Equal(first.SourceFingerprint, (await Warehouse.ReadLoadAsync(Day, CancellationToken.None))?.SourceFingerprint);
    }

    [Fact]
    public async Task ConcurrentLoads_LeaveOneCopy()
    {
        await _lake.PublishAsync(Day, 9, 0, "a", "b", "c");
        await using var other = NewWarehouse("service-a");

        var loads = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(index => Loader(index % 2 == 0 ? Warehouse : other)
                .LoadDayAsync(Day, force: true, CancellationToken.None)));

        Assert.All(loads, load => Assert.Equal(12, load.Records));
        Assert.Equal(12, await Warehouse.CountRowsAsync(Day, CancellationToken.None));
    }

    [Fact]
    public async Task Services_KeepSeparateWarehouses()
    {
        await _lake.PublishAsync(Day, 9, 0, "a");
        await using var other = NewWarehouse("service-b");
        await Loader(Warehouse).LoadDayAsync(Day, force: false, CancellationToken.None);

        var result = await Loader(other).LoadDayAsync(Day, force: false, CancellationToken.None);

        Assert.Equal(WarehouseLoadOutcome.Loaded, result.Outcome);
        Assert.Equal(4, await other.CountRowsAsync(Day, CancellationToken.None));
        Assert.Equal(4, await Warehouse.CountRowsAsync(Day, CancellationToken.None));
    }

    [Fact]
    public async Task ReadSummary_CountsChangesPerDayAndStatus()
    {
        await _lake.PublishAsync(Day, 9, 0, "a", "b");
        await Loader(Warehouse).LoadDayAsync(Day, force: false, CancellationToken.None);

        var summary = await Warehouse.ReadSummaryAsync(Day.AddDays(-1), 10, CancellationToken.None);

        Assert.Contains(new DailyStatusCount(Day, "completed", 2), summary.Transitions);
        Assert.Contains(new DailyStatusCount(Day, "enriching", 6), summary.Transitions);
        Assert.Equal(new CountryCount("", 2), Assert.Single(summary.CompletedByCountry));
    }

    private PostgresWarehouse NewWarehouse(string serviceId) =>
        new(Database.ConnectionString, Options.Create(new ClusterOptions { ServiceId = serviceId }));

    private WarehouseLoader Loader(IWarehouse warehouse) =>
        new(_lake.Publisher, warehouse, TimeProvider.System, NullLogger<WarehouseLoader>.Instance);
}
