using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.Queries;
using Dovetail.Grains.Lake.Reconcile;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Tests;

/// <summary>
/// The reconciler against a real lake folder: objects published by the publisher and summarised by the query step.
/// </summary>
public sealed class LakeReconcilerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"dovetail-reconcile-{Guid.NewGuid():N}");
    private readonly LakePublisher _publisher;

    public LakeReconcilerTests()
    {
        _publisher = new LakePublisher(new LocalLakeStore(Options.Create(new LakeOptions { Root = _root })), TimeProvider.System);
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task MatchingLake_HasNoMismatches()
    {
        var batch = LakeQueryTestData.Batch();
        await PublishAndQueryAsync(1, batch);

        var reconciliation = await NewReconciler().ReconcileAsync(Committed(batch), Cancellation);

        Assert.Equal(0, reconciliation.Mismatches);
        Assert.Equal(1, reconciliation.Objects);
        Assert.Equal(batch.Count, reconciliation.Records);
        Assert.Equal(1, reconciliation.QueryResults);
    }

    [Fact]
    public async Task LostChange_IsMissing()
    {
        var batch = LakeQueryTestData.Batch();
        await PublishAndQueryAsync(1, batch.Skip(1).ToList());

        var reconciliation = await NewReconciler().ReconcileAsync(Committed(batch), Cancellation);

        Assert.Equal([batch[0].EventId], reconciliation.Missing);
        Assert.Equal(1, reconciliation.Mismatches);
    }

    [Fact]
    public async Task ChangeInTwoObjects_IsDuplicated()
    {
        var batch = LakeQueryTestData.Batch();
        await PublishAndQueryAsync(1, batch);
        await PublishAndQueryAsync(2, [batch[0]]);

        var reconciliation = await NewReconciler().ReconcileAsync(Committed(batch), Cancellation);

        Assert.Equal([batch[0].EventId], reconciliation.Duplicated);
        Assert.Empty(reconciliation.Missing);
    }

    [Fact]
    public async Task UncommittedVersion_IsUnexpected()
    {
        var batch = LakeQueryTestData.Batch();
        await PublishAndQueryAsync(1, batch);
        var committed = Committed(batch.Where(change => change.Version < 4).ToList());

        var reconciliation = await NewReconciler().ReconcileAsync(committed, Cancellation);

        var expected = batch.Where(change => change.Version == 4).Select(change => change.EventId).Order(StringComparer.Ordinal);
        Assert.Equal(expected, reconciliation.Unexpected);
    }

    [Fact]
    public async Task ObjectWithoutResult_IsReported()
    {
        var batch = LakeQueryTestData.Batch();
        await _publisher.PublishAsync(new LakeBatch(1, LakeQueryTestData.WindowStart, 1, batch), Cancellation);

        var reconciliation = await NewReconciler().ReconcileAsync(Committed(batch), Cancellation);

        Assert.Equal(0, reconciliation.QueryResults);
        Assert.Single(reconciliation.ResultProblems);
        Assert.Equal(1, reconciliation.Mismatches);
    }

    [Fact]
    public async Task OtherSubmissions_AreIgnored()
    {
        var batch = LakeQueryTestData.Batch();
        await PublishAndQueryAsync(1, batch);
        var onlyFirst = Committed(batch.Where(change => change.SubmissionId == batch[0].SubmissionId).ToList());

        var reconciliation = await NewReconciler().ReconcileAsync(onlyFirst, Cancellation);

        Assert.Equal(0, reconciliation.Mismatches);
        Assert.Equal(onlyFirst.Single().Value.Count, reconciliation.Records);
    }

    private async Task PublishAndQueryAsync(int sequence, IReadOnlyList<SubmissionChanged> changes)
    {
        var manifest = await _publisher.PublishAsync(new LakeBatch(1, LakeQueryTestData.WindowStart, sequence, changes), Cancellation);
        var runner = new LakeQueryRunner(
            _publisher.Store,
            Options.Create(new LakeQueryOptions { MaxAttempts = 1 }),
            TimeProvider.System,
            NullLogger<LakeQueryRunner>.Instance);
        var outcome = await runner.RunAsync(manifest.ObjectPath, Cancellation);
        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    private LakeReconciler NewReconciler() => new(_publisher);

    private static Dictionary<string, IReadOnlyCollection<int>> Committed(IEnumerable<SubmissionChanged> changes) =>
        changes.GroupBy(change => change.SubmissionId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (IReadOnlyCollection<int>)group.Select(change => change.Version).ToList(), StringComparer.Ordinal);
}
