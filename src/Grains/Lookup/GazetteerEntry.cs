using System.Text.Json.Serialization;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// One item of the gazetteer's JSON array. Coordinates arrive as strings, as in the GeoNames export.
/// </summary>
public sealed record GazetteerEntry(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("lat")] string? Latitude,
    [property: JsonPropertyName("lng")] string? Longitude,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("admin1")] string? Admin1,
    [property: JsonPropertyName("admin2")] string? Admin2);

[JsonSerializable(typeof(GazetteerEntry))]
internal sealed partial class LookupJsonContext : JsonSerializerContext;
