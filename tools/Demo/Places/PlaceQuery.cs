namespace Dovetail.Demo.Places;

/// <summary>
/// The <c>place</c> object of one submission, with the kind of name it was sampled as.
/// </summary>
internal sealed record PlaceQuery(PlaceKind Kind, string Name, string Country, string? Admin1);
