using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Abstractions.Warehouse;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.Reconcile;
using Dovetail.Grains.Warehouse;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Dovetail.Lake.Tests;

/// <summary>
/// The readers of the lake work on a bucket as on a folder: the reconciler and the daily warehouse load, against
/// objects published to the S3 emulator.
/// </summary>
public sealed class S3LakeConsumersTests(S3rverFixture s3rver) : IDisposable
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    private readonly string _warehouseRoot = Path.Combine(Path.GetTempPath(), $"dovetail-s3-warehouse-{Guid.NewGuid():N}");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reconciler_ReadsBucket()
    {
        var publisher = new LakePublisher(s3rver.CreateStore(S3rverFixture.FreshPrefix()), TimeProvider.System);
        await PublishAsync(publisher, "sub-a", versions: 3);

        var reconciliation = await new LakeReconciler(publisher).ReconcileAsync(
            new Dictionary<string, IReadOnlyCollection<int>> { ["sub-a"] = [1, 2, 3, 4] }, Cancellation);

        Assert.Equal(3, reconciliation.Records);
        Assert.Equal(["sub-a:4"], reconciliation.Missing);
        Assert.Empty(reconciliation.Duplicated);
    }

    [Fact]
    public async Task WarehouseLoad_ReadsBucket()
    {
        var publisher = new LakePublisher(s3rver.CreateStore(S3rverFixture.FreshPrefix()), TimeProvider.System);
        await PublishAsync(publisher, "sub-b", versions: 4);
        var warehouse = new DuckDbWarehouse(Options.Create(new WarehouseOptions
        {
            DuckDbPath = Path.Combine(_warehouseRoot, "dovetail.duckdb"),
        }));
        var loader = new WarehouseLoader(publisher, warehouse, TimeProvider.System, NullLogger<WarehouseLoader>.Instance);

        var result = await loader.LoadDayAsync(Day, force: false, Cancellation);

        Assert.Equal(WarehouseLoadOutcome.Loaded, result.Outcome);
        Assert.Equal(1, result.Objects);
        Assert.Equal(4, await warehouse.CountRowsAsync(Day, Cancellation));
    }

    public void Dispose()
    {
        if (Directory.Exists(_warehouseRoot))
        {
            Directory.Delete(_warehouseRoot, recursive: true);
        }
    }

    private static async Task PublishAsync(LakePublisher publisher, string submissionId, int versions)
    {
        var windowStart = new DateTimeOffset(Day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var changes = Enumerable.Range(1, versions)
            .Select(version => new SubmissionChanged(
                SubmissionChanged.EventIdOf(submissionId, version), submissionId, version, SubmissionStatus.Enriching,
                windowStart.AddSeconds(version), "test", "client-1", $"corr-{submissionId}", null,
                $$"""{"id":"{{submissionId}}","version":{{version}}}"""))
            .ToList();
        await publisher.PublishAsync(new LakeBatch(0, windowStart, 1, changes), Cancellation);
    }
}
