using System.Text.Json.Serialization;

namespace Dovetail.Demo.Places;

/// <summary>
/// The fields of one gazetteer entry that the sampler uses; coordinates and admin2 are not read.
/// </summary>
internal sealed record GazetteerPlace(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("admin1")] string? Admin1);
