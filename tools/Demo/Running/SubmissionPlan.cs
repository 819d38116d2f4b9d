using Dovetail.Demo.Places;

namespace Dovetail.Demo.Running;

/// <summary>
/// What the demo does for one submission, fixed before the run starts so that a seed repeats a run.
/// </summary>
/// <param name="Index">Position in the run, from 0.</param>
/// <param name="Place">The place object sent in the first POST.</param>
/// <param name="DataDelay">Wait between the first POST's response and the additional-data POST.</param>
/// <param name="RepeatFirstPost">Whether to send the first POST a second time with the same idempotency key.</param>
internal sealed record SubmissionPlan(int Index, PlaceQuery Place, TimeSpan DataDelay, bool RepeatFirstPost);
