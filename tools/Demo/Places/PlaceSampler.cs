namespace Dovetail.Demo.Places;

/// <summary>
/// Picks place names for submissions from the gazetteer: plain, non-ASCII, shared and made-up names.
/// The result depends only on the places, the count and the seed.
/// </summary>
internal static class PlaceSampler
{
    // Out of every 20 submissions: 8 plain, 4 non-ASCII, 3 shared, 2 shared with admin1, 3 made up.
    // The order spreads the kinds out, so that even a run of five submissions includes each kind.
    private static readonly PlaceKind[] KindPattern =
    [
        PlaceKind.Plain, PlaceKind.NonAscii, PlaceKind.Shared, PlaceKind.Unknown, PlaceKind.SharedWithAdmin1,
        PlaceKind.Plain, PlaceKind.NonAscii, PlaceKind.Plain, PlaceKind.Shared, PlaceKind.Unknown,
        PlaceKind.Plain, PlaceKind.SharedWithAdmin1, PlaceKind.NonAscii, PlaceKind.Plain, PlaceKind.Shared,
        PlaceKind.Unknown, PlaceKind.Plain, PlaceKind.NonAscii, PlaceKind.Plain, PlaceKind.Plain,
    ];

    private const string SuffixLetters = "bcdfghjklmnpqrstvwxz";

    public static IReadOnlyList<PlaceQuery> Sample(IReadOnlyList<GazetteerPlace> places, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (places.Count == 0)
        {
            throw new ArgumentException("The gazetteer contains no places to sample from.", nameof(places));
        }

        var candidates = PlaceCandidates.Build(places);
        var random = new Random(seed);
        var queries = new List<PlaceQuery>(count);

        for (var i = 0; i < count; i++)
        {
            queries.Add(SampleOne(KindPattern[i % KindPattern.Length], places, candidates, random));
        }

        return queries;
    }

    private static PlaceQuery SampleOne(
        PlaceKind kind, IReadOnlyList<GazetteerPlace> places, PlaceCandidates candidates, Random random)
    {
        // A small gazetteer may lack a kind; such a slot falls back to any place, sent as it is.
        var pool = candidates.For(kind);
        if (pool.Count == 0)
        {
            var any = places[random.Next(places.Count)];
            return new PlaceQuery(PlaceKind.Plain, any.Name, any.Country, null);
        }

        var place = places[pool[random.Next(pool.Count)]];
        return kind switch
        {
            PlaceKind.SharedWithAdmin1 => new PlaceQuery(kind, place.Name, place.Country, place.Admin1),
            PlaceKind.Unknown => new PlaceQuery(kind, MakeUpName(place, candidates, random), place.Country, null),
            _ => new PlaceQuery(kind, place.Name, place.Country, null),
        };
    }

    private static string MakeUpName(GazetteerPlace basis, PlaceCandidates candidates, Random random)
    {
        // The suffix has no vowels, so a clash is rare, and the check below rules it out for this gazetteer.
        while (true)
        {
            var suffix = new char[6];
            for (var i = 0; i < suffix.Length; i++)
            {
                suffix[i] = SuffixLetters[random.Next(SuffixLetters.Length)];
            }

            suffix[0] = char.ToUpperInvariant(suffix[0]);
            var name = $"{basis.Name} {new string(suffix)}";
            if (!candidates.Exists(name, basis.Country))
            {
                return name;
            }
        }
    }
}
