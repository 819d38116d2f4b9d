using Dovetail.Grains.Abstractions.Lookup;

namespace Dovetail.Grains.Abstractions.Submissions;

/// <summary>
/// The first request of a submission, validated by the API.
/// </summary>
/// <param name="PayloadJson">The request body exactly as received, so large numbers keep every digit.</param>
/// <param name="Fingerprint">SHA-256 of the body in hex; a replay with another fingerprint is rejected.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the request, when it had one.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.create-submission")]
public sealed record CreateSubmissionCommand(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string PayloadJson,
    [property: Id(2)] string Fingerprint,
    [property: Id(3)] PlaceQuery Query,
    [property: Id(4)] string CorrelationId,
    [property: Id(5)] string? TraceParent,
    [property: Id(6)] string? IdempotencyKey);
