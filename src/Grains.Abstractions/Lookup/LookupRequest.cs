namespace Dovetail.Grains.Abstractions.Lookup;

/// <summary>
/// A request from a submission grain to a lookup worker.
/// </summary>
/// <param name="SubmissionId">The submission that receives the outcome through <c>ApplyEnrichmentAsync</c>.</param>
/// <param name="Dispatch">Counts dispatches of this submission, so logs can tell a re-drive from the first try.</param>
/// <param name="TraceParent">The W3C trace context of the request that created the submission, so the external
/// call joins its trace.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.lookup-request")]
public sealed record LookupRequest(
    [property: Id(0)] string SubmissionId,
    [property: Id(1)] int Dispatch,
    [property: Id(2)] PlaceQuery Query,
    [property: Id(3)] string CorrelationId,
    [property: Id(4)] string? TraceParent = null);
