using System.Net;
using System.Text.Json;
using Dovetail.Demo.Running;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.Reconcile;

namespace Dovetail.Demo.Lake;

/// <summary>
/// Reconciles a run's submissions with the lake: reads each submission's committed versions from its timeline and
/// compares them with the published objects and their query results.
/// </summary>
internal static class LakeCheck
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Reconciles until the lake matches or <paramref name="bound"/> passes, because the last window is published
    /// and queried a few seconds after the last commit. Returns the last reconciliation.
    /// </summary>
    public static async Task<LakeReconciliation> WaitUntilReconciledAsync(
        DovetailApiClient client, string lakeRoot, IReadOnlyCollection<string> ids, TimeSpan bound, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (true)
        {
            var reconciliation = await ReconcileAsync(client, lakeRoot, ids, cancellationToken);
            if (reconciliation.Mismatches == 0 || DateTimeOffset.UtcNow >= deadline)
            {
                return reconciliation;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public static Task<LakeReconciliation> ReconcileAsync(
        DovetailApiClient client, string lakeRoot, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ReconcileAsync(
            client,
            new LocalLakeStore(Microsoft.Extensions.Options.Options.Create(new LakeOptions { Root = lakeRoot })),
            ids,
            cancellationToken);

    /// <summary>Reconciles the committed versions of <paramref name="ids"/> with the lake in <paramref name="store"/>.</summary>
    public static async Task<LakeReconciliation> ReconcileAsync(
        DovetailApiClient client, ILakeStore store, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(ids);

        var committed = new Dictionary<string, IReadOnlyCollection<int>>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            committed[id] = await ReadVersionsAsync(client, id, cancellationToken);
        }

        var reconciler = new LakeReconciler(new LakePublisher(store, TimeProvider.System));
        return await reconciler.ReconcileAsync(committed, cancellationToken);
    }

    private static async Task<IReadOnlyCollection<int>> ReadVersionsAsync(
        DovetailApiClient client, string id, CancellationToken cancellationToken)
    {
        var response = await client.GetTimelineAsync(id, cancellationToken);
        if (response.Status != HttpStatusCode.OK || response.Body is not { } body)
        {
            throw new InvalidOperationException(
                $"Reading the timeline of submission {id} failed with HTTP {(int)response.Status}; check the API log.");
        }

        return body.GetProperty("events").EnumerateArray().Select(entry => entry.GetProperty("version").GetInt32()).ToList();
    }
}
