namespace Dovetail.Grains.Abstractions.Lookup;

/// <summary>
/// The gazetteer entry picked for a query.
/// </summary>
/// <param name="Candidates">How many entries matched name and country before the tie rule picked one.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.matched-place")]
public sealed record MatchedPlace(
    [property: Id(0)] string Name,
    [property: Id(1)] string Country,
    [property: Id(2)] string? Admin1,
    [property: Id(3)] string? Admin2,
    [property: Id(4)] decimal Latitude,
    [property: Id(5)] decimal Longitude,
    [property: Id(6)] int Candidates);
