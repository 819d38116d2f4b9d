namespace Dovetail.Demo.Places;

/// <summary>
/// Indexes of gazetteer places grouped by the kind of query each can serve.
/// </summary>
internal sealed class PlaceCandidates
{
    private readonly Dictionary<PlaceKind, List<int>> _byKind;
    private readonly HashSet<(string Name, string Country)> _names;

    private PlaceCandidates(Dictionary<PlaceKind, List<int>> byKind, HashSet<(string Name, string Country)> names)
    {
        _byKind = byKind;
        _names = names;
    }

    public static PlaceCandidates Build(IReadOnlyList<GazetteerPlace> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var perName = new Dictionary<(string Name, string Country), int>();
        var perAdmin1 = new Dictionary<(string Name, string Country, string Admin1), int>();

        foreach (var place in places)
        {
            var key = (place.Name, place.Country);
            perName[key] = perName.GetValueOrDefault(key) + 1;

            var admin1Key = (place.Name, place.Country, place.Admin1 ?? string.Empty);
            perAdmin1[admin1Key] = perAdmin1.GetValueOrDefault(admin1Key) + 1;
        }

        var byKind = Enum.GetValues<PlaceKind>().ToDictionary(kind => kind, _ => new List<int>());
        for (var i = 0; i < places.Count; i++)
        {
            var place = places[i];
            var shared = perName[(place.Name, place.Country)] > 1;
            var ascii = place.Name.All(char.IsAscii);

            if (shared)
            {
                byKind[PlaceKind.Shared].Add(i);

                // Admin1 narrows the name only when no other place with that name shares the same admin1.
                if (!string.IsNullOrEmpty(place.Admin1) && perAdmin1[(place.Name, place.Country, place.Admin1)] == 1)
                {
                    byKind[PlaceKind.SharedWithAdmin1].Add(i);
                }
            }
            else if (ascii)
            {
                byKind[PlaceKind.Plain].Add(i);
                byKind[PlaceKind.Unknown].Add(i);
            }

            if (!ascii)
            {
                byKind[PlaceKind.NonAscii].Add(i);
            }
        }

        return new PlaceCandidates(byKind, [.. perName.Keys]);
    }

    public IReadOnlyList<int> For(PlaceKind kind) => _byKind[kind];

    public bool Exists(string name, string country) => _names.Contains((name, country));
}
