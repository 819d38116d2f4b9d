using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Lookup;
using Xunit;

namespace Dovetail.Lookup.Tests;

public sealed class PlaceMatcherTests
{
    private static readonly GazetteerEntry[] Springfields =
    [
        new("Springfield", "39.80172", "-89.64371", "US", "IL", "167"),
        new("Springfield", "37.21533", "-93.29824", "US", "MO", "077"),
        new("Springfield", "37.40835", "-102.61436", "US", "CO", "009"),
        new("Springfield", "37.50000", "-102.00000", "US", "CO", "009"),
        new("Springfield", "-43.3", "171.9", "NZ", "E7", ""),
        new("Shelbyville", "39.40", "-85.77", "US", "IN", "145"),
    ];

    [Fact]
    public void Pick_does_not_depend_on_array_order()
    {
        var query = new PlaceQuery("Springfield", "US", null);

        var forward = Match(query, Springfields);
        var backward = Match(query, Springfields.Reverse());
        var shuffled = Match(query, Springfields.OrderBy(entry => entry.Latitude, StringComparer.Ordinal));

        Assert.Equal(forward, backward);
        Assert.Equal(forward, shuffled);
    }

    [Fact]
    public void Tie_rule_picks_smallest_admin1_then_latitude()
    {
        var place = Match(new PlaceQuery("Springfield", "US", null), Springfields);

        Assert.Equal("CO", place?.Admin1);
        Assert.Equal(37.40835m, place?.Latitude);
        Assert.Equal(4, place?.Candidates);
    }

    [Fact]
    public void Admin1_narrows_the_candidates()
    {
        var place = Match(new PlaceQuery("Springfield", "US", "mo"), Springfields);

        Assert.Equal("MO", place?.Admin1);
        Assert.Equal(1, place?.Candidates);
    }

    [Fact]
    public void Admin1_without_match_is_no_match()
    {
        var place = Match(new PlaceQuery("Springfield", "US", "TX"), Springfields);

        Assert.Null(place);
    }

    [Fact]
    public void Country_must_match()
    {
        var place = Match(new PlaceQuery("Shelbyville", "NZ", null), Springfields);

        Assert.Null(place);
    }

    [Fact]
    public void Empty_admin_codes_become_null()
    {
        var place = Match(new PlaceQuery("springfield", "nz", null), Springfields);

        Assert.Equal("NZ", place?.Country);
        Assert.Equal("E7", place?.Admin1);
        Assert.Null(place?.Admin2);
    }

    [Fact]
    public void Matching_entry_with_invalid_latitude_throws()
    {
        var matcher = new PlaceMatcher(new PlaceQuery("Broken", "US", null));

        Assert.Throws<FormatException>(() => matcher.Add(new GazetteerEntry("Broken", "north", "1", "US", "", "")));
    }

    [Fact]
    public void Other_entries_with_invalid_latitude_are_ignored()
    {
        var matcher = new PlaceMatcher(new PlaceQuery("Springfield", "US", "IL"));

        matcher.Add(new GazetteerEntry("Broken", "north", "1", "US", "", ""));
        matcher.Add(Springfields[0]);

        Assert.Equal(1, matcher.Candidates);
    }

    private static MatchedPlace? Match(PlaceQuery query, IEnumerable<GazetteerEntry> entries)
    {
        var matcher = new PlaceMatcher(query);
        foreach (var entry in entries)
        {
            matcher.Add(entry);
        }

        return matcher.GetResult();
    }
}
