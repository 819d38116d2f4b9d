using System.Text.Json;

namespace Dovetail.Demo.Places;

/// <summary>
/// Reads the gazetteer's JSON array of places in one streaming pass.
/// </summary>
internal static class GazetteerFile
{
    public static async Task<IReadOnlyList<GazetteerPlace>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var places = new List<GazetteerPlace>(capacity: 180_000);

        // DeserializeAsyncEnumerable reads one array element at a time, so the 17 MB document is never held whole.
        var elements = JsonSerializer.DeserializeAsyncEnumerable<GazetteerPlace>(
            stream, cancellationToken: cancellationToken);
        await foreach (var place in elements)
        {
            if (place is not null && !string.IsNullOrEmpty(place.Name) && !string.IsNullOrEmpty(place.Country))
            {
                places.Add(place);
            }
        }

        return places;
    }
}
