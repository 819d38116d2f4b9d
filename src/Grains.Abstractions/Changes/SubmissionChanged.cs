using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Grains.Abstractions.Changes;

/// <summary>
/// One committed change of a submission, as published on the change stream. It carries the whole new document,
/// so no consumer ever needs to call back into the submission grain.
/// </summary>
/// <param name="EventId">Deterministic: the submission id and version, so a redelivered event has the same id.</param>
/// <param name="DocumentJson">The submission's document at this version, as <c>GET</c> returns it.</param>
/// <param name="Cause">What caused the change, such as <c>created</c>, <c>enrichment</c> or <c>deadline</c>.</param>
/// <param name="TraceParent">The W3C trace context of the request that created the submission, when it had one.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.submission-changed")]
public sealed record SubmissionChanged(
    [property: Id(0)] string EventId,
    [property: Id(1)] string SubmissionId,
    [property: Id(2)] int Version,
    [property: Id(3)] SubmissionStatus Status,
    [property: Id(4)] DateTimeOffset OccurredAt,
    [property: Id(5)] string Cause,
    [property: Id(6)] string ClientId,
    [property: Id(7)] string CorrelationId,
    [property: Id(8)] string? TraceParent,
    [property: Id(9)] string DocumentJson)
{
    /// <summary>Returns the event id of version <paramref name="version"/> of a submission.</summary>
    public static string EventIdOf(string submissionId, int version) => $"{submissionId}:{version}";
}
