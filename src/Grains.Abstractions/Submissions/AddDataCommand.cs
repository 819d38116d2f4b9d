namespace Dovetail.Grains.Abstractions.Submissions;

/// <summary>
/// The second request of a submission, validated by the API.
/// </summary>
/// <param name="DataJson">The request body exactly as received.</param>
/// <param name="Fingerprint">SHA-256 of the body in hex; the same data again is a replay, other data a conflict.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.add-data")]
public sealed record AddDataCommand(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string DataJson,
    [property: Id(2)] string Fingerprint,
    [property: Id(3)] string CorrelationId);
