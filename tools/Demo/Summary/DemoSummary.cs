using Dovetail.Demo.Stats;
using Dovetail.Grains.Lake.Reconcile;

namespace Dovetail.Demo.Summary;

/// <summary>
/// Everything the end of a run reports: settings, counts, latencies, external calls and links.
/// </summary>
/// <param name="ExternalCalls">Stand-in calls made during the run, or null when they could not be read.</param>
/// <param name="ExternalCallsUnavailable">Why <paramref name="ExternalCalls"/> is null.</param>
/// <param name="Lake">The run's submissions reconciled with the lake, or null when the lake was not checked.</param>
internal sealed record DemoSummary(
    int Seed,
    int Concurrency,
    TimeSpan Duration,
    RunStatistics Statistics,
    GazetteerCounters? ExternalCalls,
    string? ExternalCallsUnavailable,
    DemoLinks Links,
    IReadOnlyList<string> LogPaths,
    LakeReconciliation? Lake = null)
{
    /// <summary>
    /// Whether every planned submission reached a final status, every repeat returned the same id, and the lake,
    /// when checked, matches the committed changes.
    /// </summary>
    public bool Succeeded =>
        Statistics.NotFinal.Count == 0 && Statistics.RepeatsWithOtherId == 0 && Lake is not { Mismatches: > 0 };
}
