namespace Dovetail.Api.Submissions;

/// <summary>
/// The body of <c>GET /v1/submissions/{id}/events</c>.
/// </summary>
public sealed record SubmissionTimeline(string Id, IReadOnlyList<SubmissionEvent> Events);

/// <summary>
/// One committed transition of a submission.
/// </summary>
/// <param name="Status">The status it moved to, as a wire name such as <c>awaiting-data</c>.</param>
/// <param name="Cause">What caused it: <c>created</c>, <c>dispatched</c>, <c>enrichment</c>, <c>additional-data</c> or <c>deadline</c>.</param>
/// <param name="Attempts">External calls behind an enrichment outcome, retries included.</param>
/// <param name="TraceId">The W3C trace id active when the change was made, when there was one.</param>
public sealed record SubmissionEvent(
    int Version,
    string Status,
    DateTimeOffset At,
    string Cause,
    string CorrelationId,
    int? Attempts,
    string? TraceId);
