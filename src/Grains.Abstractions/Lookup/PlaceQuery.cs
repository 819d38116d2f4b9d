namespace Dovetail.Grains.Abstractions.Lookup;

/// <summary>
/// The place a submission asks the gazetteer about, as the client sent it.
/// </summary>
/// <param name="Name">Place name in any Unicode form and case.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code, upper case.</param>
/// <param name="Admin1">Optional first-level administrative code that narrows shared names.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.place-query")]
public sealed record PlaceQuery(
    [property: Id(0)] string Name,
    [property: Id(1)] string Country,
    [property: Id(2)] string? Admin1);
