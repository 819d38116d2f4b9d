using Dovetail.Demo.Stats;

namespace Dovetail.Demo.Summary;

/// <summary>
/// Everything the end of a run reports: settings, counts, latencies, external calls and links.
/// </summary>
/// <param name="ExternalCalls">Stand-in calls made during the run, or null when they could not be read.</param>
/// <param name="ExternalCallsUnavailable">Why <paramref name="ExternalCalls"/> is null.</param>
internal sealed record DemoSummary(
    int Seed,
    int Concurrency,
    TimeSpan Duration,
    RunStatistics Statistics,
    GazetteerCounters? ExternalCalls,
    string? ExternalCallsUnavailable,
    DemoLinks Links,
    IReadOnlyList<string> LogPaths)
{
    /// <summary>Whether every planned submission reached a final status and every repeat returned the same id.</summary>
    public bool Succeeded => Statistics.NotFinal.Count == 0 && Statistics.RepeatsWithOtherId == 0;
}
