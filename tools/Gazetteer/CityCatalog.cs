using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dovetail.Gazetteer;

/// <summary>
/// The cities array loaded once at start-up: the file bytes as they are, plus each item's byte range grouped by
/// country, so a filtered response copies items verbatim and keeps the upstream item shape.
/// </summary>
internal sealed class CityCatalog
{
    private readonly Dictionary<string, List<ReadOnlyMemory<byte>>> _itemsByCountry;

    private CityCatalog(
        string path,
        byte[] content,
        List<ReadOnlyMemory<byte>> items,
        Dictionary<string, List<ReadOnlyMemory<byte>>> itemsByCountry)
    {
        Path = path;
        Content = content;
        Items = items;
        _itemsByCountry = itemsByCountry;
    }

    public string Path { get; }

    /// <summary>The whole file, served unchanged for an unfiltered request.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>Every item's JSON text, in file order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Items { get; }

    /// <summary>Returns the items of one ISO country code, compared case-insensitively; empty when unknown.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> ItemsOf(string country) =>
        _itemsByCountry.TryGetValue(country, out var items) ? items : [];

    /// <exception cref="FileNotFoundException">The data file is missing.</exception>
    /// <exception cref="InvalidDataException">The file is not a JSON array of objects with a country.</exception>
    public static CityCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The gazetteer data file '{path}' is missing. Run scripts/fetch-gazetteer.sh from the repository "
                + "root to fetch it, or set Gazetteer:DataPath to an existing copy.",
                path);
        }

        var content = File.ReadAllBytes(path);
        var items = new List<ReadOnlyMemory<byte>>(capacity: 200_000);
        var itemsByCountry = new Dictionary<string, List<ReadOnlyMemory<byte>>>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var reader = new Utf8JsonReader(content);
            Expect(ref reader, JsonTokenType.StartArray, path);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = checked((int)reader.TokenStartIndex);
                var entry = JsonSerializer.Deserialize(ref reader, CatalogJsonContext.Default.CountryOnly);
                if (entry?.Country is not { Length: > 0 } country)
                {
                    throw new InvalidDataException($"An item at byte {start} of '{path}' has no country.");
                }

                var item = content.AsMemory(start, checked((int)reader.BytesConsumed) - start);
                items.Add(item);
                if (!itemsByCountry.TryGetValue(country, out var list))
                {
                    list = [];
                    itemsByCountry.Add(country, list);
                }

                list.Add(item);
            }
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"'{path}' is not a valid JSON array: {exception.Message}", exception);
        }

        return new CityCatalog(path, content, items, itemsByCountry);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string path)
    {
        if (!reader.Read() || reader.TokenType != expected)
        {
            throw new InvalidDataException($"'{path}' does not start with a JSON array.");
        }
    }
}

/// <summary>
/// The one field the catalog reads from each item to group it.
/// </summary>
internal sealed record CountryOnly([property: JsonPropertyName("country")] string? Country);

[JsonSerializable(typeof(CountryOnly))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
