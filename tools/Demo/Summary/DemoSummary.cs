using Dovetail.Demo.Stats;
using Dovetail.Grains.Lake.Reconcile;

namespace Dovetail.Demo.Summary;

/// <summary>
/// Everything the end of a run reports: settings, counts, latencies, external calls and links.
/// </summary>
/// <param name="ExternalCalls">Stand-in calls made during the run, or null when they could not be read.</param>
/// <param name="ExternalCallsUnavailable">Why <paramref name="ExternalCalls"/> is null.</param>
/// <param name="Lake">The run's submissions reconciled with the lake, or null when the lake was not checked.</param>
/// <param name="Warehouse">The run's days loaded into the warehouse, or null when the warehouse was not checked.</param>
internal sealed record DemoSummary(
    int Seed,
    int Concurrency,
    TimeSpan Duration,
    RunStatistics Statistics,
    GazetteerCounters? ExternalCalls,
    string? ExternalCallsUnavailable,
    DemoLinks Links,
    IReadOnlyList<string> LogPaths,
    LakeReconciliation? Lake = null,
    WarehouseSummary? Warehouse = null)
{
    /// <summary>
    /// Whether every planned submission reached a final status, every repeat returned the same id, the lake, when
    /// checked, matches the committed changes, and the warehouse, when checked, has a row for each lake record.
    /// </summary>
    public bool Succeeded =>
        Statistics.NotFinal.Count == 0
        && Statistics.RepeatsWithOtherId == 0
        && Lake is not { Mismatches: > 0 }
        && (Warehouse is null || (Warehouse.Error is null && Lake is not null && Warehouse.Rows == Lake.Records));
}

/// <summary>The warehouse step of a run.</summary>
/// <param name="Rows">Rows the warehouse stores for the run's days; the demo's lake holds only this run's records.</param>
/// <param name="InsightsVersion">The insights dataset's version after the loads.</param>
/// <param name="Error">Why the step failed, or null.</param>
internal sealed record WarehouseSummary(long Rows, int InsightsVersion, string? Error);
