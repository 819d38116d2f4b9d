namespace Dovetail.Grains.Abstractions.Lookup;

/// <summary>
/// The result a lookup worker delivers to the submission that asked for it.
/// </summary>
/// <param name="Dispatch">The dispatch number of the request this answers, for logs; any first outcome wins.</param>
/// <param name="Place">The picked entry when <paramref name="Kind"/> is <see cref="EnrichmentOutcomeKind.Matched"/>.</param>
/// <param name="FailureReason">A stable reason code such as <c>upstream_payload_too_large</c> when failed.</param>
/// <param name="Attempts">External calls made for this request, retries included; 0 when served from cache.</param>
/// <param name="FromCache">True when the answer came from the worker's cache.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.enrichment-outcome")]
public sealed record EnrichmentOutcome(
    [property: Id(0)] int Dispatch,
    [property: Id(1)] EnrichmentOutcomeKind Kind,
    [property: Id(2)] MatchedPlace? Place,
    [property: Id(3)] string? FailureReason,
    [property: Id(4)] int Attempts,
    [property: Id(5)] bool FromCache,
    [property: Id(6)] DateTimeOffset CompletedAt);
