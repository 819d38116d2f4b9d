namespace Dovetail.Grains.Abstractions.Submissions;

/// <summary>
/// One committed change of a submission, kept in its state as its timeline.
/// </summary>
/// <param name="Version">The submission version this change produced.</param>
/// <param name="Cause">What caused it, as a short stable word such as <c>created</c> or <c>deadline</c>.</param>
/// <param name="Attempts">External calls behind an enrichment outcome, retries included; null for other causes.</param>
/// <param name="TraceId">The W3C trace id of the activity that made the change, when one was active.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.submission-transition")]
public sealed record SubmissionTransition(
    [property: Id(0)] int Version,
    [property: Id(1)] SubmissionStatus Status,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Cause,
    [property: Id(4)] string CorrelationId,
    [property: Id(5)] int? Attempts = null,
    [property: Id(6)] string? TraceId = null);
