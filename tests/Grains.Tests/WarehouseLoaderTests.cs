using Dovetail.Grains.Abstractions.Insights;
using Dovetail.Grains.Abstractions.Storage;
using Dovetail.Grains.Abstractions.Warehouse;
using Dovetail.Grains.Warehouse;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dovetail.Grains.Tests;

/// <summary>
/// The daily load into the DuckDB warehouse of local mode, from a real lake folder.
/// </summary>
public sealed class WarehouseLoaderTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    private readonly WarehouseTestLake _lake = new();
    // The start has ticks below a microsecond, which the warehouse does not store.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
    private readonly DuckDbWarehouse _warehouse;
    private readonly WarehouseLoader _loader;

    public WarehouseLoaderTests()
    {
        _warehouse = new DuckDbWarehouse(Options.Create(new WarehouseOptions
        {
            DuckDbPath = Path.Combine(_lake.Root, "warehouse", "dovetail.duckdb"),
        }));
        _loader = new WarehouseLoader(_lake.Publisher, _warehouse, _time, NullLogger<WarehouseLoader>.Instance);
    }

    [Fact]
    public async Task Load_StoresEveryRecordOfTheDayOnly()
    {
        await _lake.PublishAsync(Day, 9, 0, "a", "b");
        await _lake.PublishAsync(Day, 23, 3, "c");
        await _lake.PublishAsync(Day.AddDays(1), 0, 0, "d");

        var result = await Load();

        Assert.Equal(WarehouseLoadOutcome.Loaded, result.Outcome);
        Assert.Equal(2, result.Objects);
        Assert.Equal(12, result.Records);
        Assert.Equal(12, await _warehouse.CountRowsAsync(Day, CancellationToken.None));
        Assert.Equal(0, await _warehouse.CountRowsAsync(Day.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task LoadAgain_UnchangedDay_WritesNothing()
    {
        await _lake.PublishAsync(Day, 9, 0, "a");
        var first = await Load();
        _time.Advance(TimeSpan.FromHours(1));

        var second = await Load();

        Assert.Equal(WarehouseLoadOutcome.Unchanged, second.Outcome);
        Assert.Equal(first.LoadedAt, second.LoadedAt);
        Assert.Equal(first.SourceFingerprint, second.SourceFingerprint);
        Assert.Equal(4, await _warehouse.CountRowsAsync(Day, CancellationToken.None));
    }

    [Fact]
    public async Task LateObject_ReloadsDayWithoutDuplicates()
    {
        await _lake.PublishAsync(Day, 9, 0, "a");
        var first = await Load();
        await _lake.PublishAsync(Day, 22, 1, "b");

        var second = await Load();

        Assert.Equal(WarehouseLoadOutcome.Loaded, second.Outcome);
        Assert.NotEqual(first.SourceFingerprint, second.SourceFingerprint);
        Assert.Equal(8, second.Records);
        Assert.Equal(8, await _warehouse.CountRowsAsync(Day, CancellationToken.None));
    }

    [Fact]
    public async Task Force_ReloadsUnchangedDay()
    {
        await _lake.PublishAsync(Day, 9, 0, "a");
        var first = await Load();
        _time.Advance(TimeSpan.FromHours(1));

        var forced = await _loader.LoadDayAsync(Day, force: true, CancellationToken.None);

        Assert.Equal(WarehouseLoadOutcome.Loaded, forced.Outcome);
        Assert.Equal(first.LoadedAt + TimeSpan.FromHours(1), forced.LoadedAt);
        Assert.Equal(4, await _warehouse.CountRowsAsync(Day, CancellationToken.None));
    }

    [Fact]
    public async Task MissingObject_FailsAndKeepsPreviousRows()
    {
        await _lake.PublishAsync(Day, 9, 0, "a");
        var first = await Load();
        var lost = await _lake.PublishAsync(Day, 10, 1, "b");
        _lake.DeleteObject(lost);

        var failure = await Assert.ThrowsAsync<WarehouseLoadException>(Load);

        Assert.Contains(lost, failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, await _warehouse.CountRowsAsync(Day, CancellationToken.None));
        Assert.Equal(first.SourceFingerprint, (await _warehouse.ReadLoadAsync(Day, CancellationToken.None))?.SourceFingerprint);
    }

    [Fact]
    public async Task TruncatedObject_FailsAndKeepsPreviousRows()
    {
        await _lake.PublishAsync(Day, 9, 0, "a");
        await Load();
        var cut = await _lake.PublishAsync(Day, 10, 1, "b");
        _lake.TruncateObject(cut);

        var failure = await Assert.ThrowsAsync<WarehouseLoadException>(Load);

        Assert.Contains(cut, failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, await _warehouse.CountRowsAsync(Day, CancellationToken.None));
    }

    [Fact]
    public async Task ObjectNotMatchingManifest_FailsOnChecksum()
    {
        var first = await _lake.PublishAsync(Day, 9, 0, "a");
        var second = await _lake.PublishAsync(Day, 10, 1, "b");
        _lake.CopyObject(first, second);

        var failure = await Assert.ThrowsAsync<WarehouseLoadException>(Load);

        Assert.Contains(second, failure.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", failure.Message, StringComparison.Ordinal);
        Assert.Null(await _warehouse.ReadLoadAsync(Day, CancellationToken.None));
    }

    [Fact]
    public async Task FewerObjects_FailsAndKeepsRows()
    {
        await _lake.PublishAsync(Day, 9, 0, "a");
        await _lake.PublishAsync(Day, 10, 1, "b");
        await Load();
        using var emptyLake = new WarehouseTestLake();
        var wrongLake = new WarehouseLoader(emptyLake.Publisher, _warehouse, _time, NullLogger<WarehouseLoader>.Instance);

        var failure = await Assert.ThrowsAsync<WarehouseLoadException>(
            () => wrongLake.LoadDayAsync(Day, force: true, CancellationToken.None));

        Assert.Contains("fewer than the 2", failure.Message, StringComparison.Ordinal);
        Assert.Equal(8, await _warehouse.CountRowsAsync(Day, CancellationToken.None));
    }

    [Fact]
    public async Task StrayFileBesideManifests_IsIgnored()
    {
        await _lake.PublishAsync(Day, 9, 0, "a");
        _lake.WriteFile("manifests/date=2026-12-03/README.txt", "notes");

        var result = await Load();

        Assert.Equal(1, result.Objects);
        Assert.Equal(4, result.Records);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"objectPath\":")]
    public async Task BrokenManifest_FailsNamingIt(string text)
    {
        await _lake.PublishAsync(Day, 9, 0, "a");
        const string Broken = "manifests/date=2026-12-03/hour=11/p009-20261203T110500Z-0001.manifest.json";
        _lake.WriteFile(Broken, text);

        var failure = await Assert.ThrowsAsync<WarehouseLoadException>(Load);

        Assert.Contains(Broken, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableWarehouse_FailsWithoutItsDetails()
    {
        await _lake.PublishAsync(Day, 9, 0, "a");
        var directory = Path.Combine(_lake.Root, "not-a-file.duckdb");
        Directory.CreateDirectory(directory);
        var unreachable = new DuckDbWarehouse(Options.Create(new WarehouseOptions { DuckDbPath = directory }));
        var loader = new WarehouseLoader(_lake.Publisher, unreachable, _time, NullLogger<WarehouseLoader>.Instance);

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => loader.LoadDayAsync(Day, force: false, CancellationToken.None));

        Assert.Equal("The warehouse could not be read or written.", failure.Message);
        Assert.Null(failure.InnerException);
    }

    [Fact]
    public async Task SameChangesInTwoObjects_StoredOnce()
    {
        await _lake.PublishAsync(Day, 9, 0, "a");
        await _lake.PublishAsync(Day, 10, 0, "a");

        var result = await Load();

        Assert.Equal(2, result.Objects);
        Assert.Equal(4, result.Records);
        Assert.Equal(4, await _warehouse.CountRowsAsync(Day, CancellationToken.None));
    }

    [Fact]
    public async Task EmptyDay_RecordsLoadOfNoRows()
    {
        var first = await Load();
        var second = await Load();

        Assert.Equal(WarehouseLoadOutcome.Loaded, first.Outcome);
        Assert.Equal(0, first.Objects);
        Assert.Equal(0, first.Records);
        Assert.Equal(WarehouseLoadOutcome.Unchanged, second.Outcome);
    }

    [Fact]
    public async Task ReadSummary_CountsChangesPerDayAndStatus()
    {
        await _lake.PublishAsync(Day, 9, 0, "a", "b");
        await Load();

        var summary = await _warehouse.ReadSummaryAsync(Day.AddDays(-1), 10, CancellationToken.None);

        Assert.Contains(new DailyStatusCount(Day, "completed", 2), summary.Transitions);
        Assert.Contains(new DailyStatusCount(Day, "enriching", 6), summary.Transitions);
        Assert.Equal(new CountryCount("", 2), Assert.Single(summary.CompletedByCountry));
    }

    public void Dispose() => _lake.Dispose();

    private Task<WarehouseLoadResult> Load() => _loader.LoadDayAsync(Day, force: false, CancellationToken.None);
}
