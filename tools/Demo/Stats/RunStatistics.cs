using Dovetail.Demo.Places;
using Dovetail.Demo.Running;

namespace Dovetail.Demo.Stats;

/// <summary>
/// Counts and latency percentiles over the outcomes of one run.
/// </summary>
internal sealed record RunStatistics
{
    public required int Planned { get; init; }

    /// <summary>Submissions whose first POST returned 202 with an id.</summary>
    public required int Submitted { get; init; }

    public required int Completed { get; init; }

    public required int Failed { get; init; }

    public required int Expired { get; init; }

    /// <summary>Planned submissions that did not reach a final status, including those never submitted.</summary>
    public required IReadOnlyList<string> NotFinal { get; init; }

    public required IReadOnlyDictionary<PlaceKind, IReadOnlyDictionary<string, int>> StatusesByKind { get; init; }

    public required IReadOnlyDictionary<string, int> AdditionalDataResults { get; init; }

    public required LatencySummary FirstPost { get; init; }

    public required LatencySummary AdditionalData { get; init; }

    public required LatencySummary TimeToFinal { get; init; }

    public required LatencySummary Get { get; init; }

    public required int RepeatsSent { get; init; }

    public required int RepeatsWithSameId { get; init; }

    public required int ClientRetries { get; init; }

    /// <summary>Distinct error messages with how often each occurred, most frequent first.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> Errors { get; init; }

    public int RepeatsWithOtherId => RepeatsSent - RepeatsWithSameId;

    public static RunStatistics From(IReadOnlyList<SubmissionOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);

        return new RunStatistics
        {
            Planned = outcomes.Count,
            Submitted = outcomes.Count(outcome => outcome.Id is not null),
            Completed = outcomes.Count(outcome => outcome.LastStatus == SubmissionStatuses.Completed),
            Failed = outcomes.Count(outcome => outcome.LastStatus == SubmissionStatuses.Failed),
            Expired = outcomes.Count(outcome => outcome.LastStatus == SubmissionStatuses.Expired),
            NotFinal = outcomes.Where(outcome => !outcome.IsFinal).Select(Describe).ToList(),
            StatusesByKind = outcomes
                .GroupBy(outcome => outcome.Plan.Place.Kind)
                .OrderBy(group => group.Key)
                .ToDictionary(
                    group => group.Key,
                    group => (IReadOnlyDictionary<string, int>)CountBy(group, FinalStatusOrNotFinal)),
            AdditionalDataResults = CountBy(outcomes, outcome => outcome.AdditionalDataResult ?? "not sent"),
            FirstPost = LatencyStatistics.Summarize(Values(outcomes, outcome => outcome.FirstPostLatency)),
            AdditionalData = LatencyStatistics.Summarize(Values(outcomes, outcome => outcome.AdditionalDataLatency)),
            TimeToFinal = LatencyStatistics.Summarize(Values(outcomes, outcome => outcome.TimeToFinal)),
            Get = LatencyStatistics.Summarize(outcomes.SelectMany(outcome => outcome.GetLatencies)),
            RepeatsSent = outcomes.Count(outcome => outcome.RepeatReturnedSameId is not null),
            RepeatsWithSameId = outcomes.Count(outcome => outcome.RepeatReturnedSameId == true),
            ClientRetries = outcomes.Sum(outcome => outcome.ClientRetries),
            Errors = outcomes
                .SelectMany(outcome => outcome.Errors)
                .GroupBy(error => error, StringComparer.Ordinal)
                .Select(group => KeyValuePair.Create(group.Key, group.Count()))
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .ToList(),
        };
    }

    private static string FinalStatusOrNotFinal(SubmissionOutcome outcome) =>
        outcome.IsFinal ? outcome.LastStatus! : "not final";

    private static string Describe(SubmissionOutcome outcome)
    {
        var reason = outcome.WasCancelled ? "run stopped first" : "stopped by an error";
        return outcome.Id is null
            ? $"#{outcome.Plan.Index} (not submitted, {reason})"
            : $"{outcome.Id} (last status {outcome.LastStatus ?? "unknown"}, {reason})";
    }

    private static IEnumerable<TimeSpan> Values(
        IEnumerable<SubmissionOutcome> outcomes, Func<SubmissionOutcome, TimeSpan?> select) =>
        outcomes.Select(select).OfType<TimeSpan>();

    private static Dictionary<string, int> CountBy(
        IEnumerable<SubmissionOutcome> outcomes, Func<SubmissionOutcome, string> key) =>
        outcomes
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
}
