using Dovetail.Demo.Places;

namespace Dovetail.Demo.Running;

/// <summary>
/// Turns sampled places into submission plans with random additional-data delays.
/// </summary>
internal static class SubmissionPlanner
{
    /// <summary>One submission in this many repeats its first POST to show that the idempotency key works.</summary>
    public const int RepeatEvery = 50;

    public static IReadOnlyList<SubmissionPlan> Plan(IReadOnlyList<PlaceQuery> places, int maxDataDelayMs, int seed)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDataDelayMs);

        // A separate stream from the sampler's keeps the delays unchanged when the sampling rules change.
        var random = new Random(unchecked((seed * 31) + 7));
        var plans = new List<SubmissionPlan>(places.Count);

        for (var i = 0; i < places.Count; i++)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(0, maxDataDelayMs + 1));
            plans.Add(new SubmissionPlan(i, places[i], delay, RepeatFirstPost: i % RepeatEvery == 0));
        }

        return plans;
    }
}
