using System.Text;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Lookup;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Dovetail.Lookup.Tests;

public sealed class LookupCacheTests
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(10);
    private static readonly MatchedPlace Zurich = new("Zürich", "CH", "ZH", "112", 47.36667m, 8.55m, 1);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Stored_match_is_returned()
    {
        var cache = new LookupCache(TimeToLive, 10, _time);
        cache.Set(new PlaceQuery("Zürich", "CH", null), Zurich);

        Assert.True(cache.TryGet(new PlaceQuery("Zürich", "CH", null), out var place));
        Assert.Equal(Zurich, place);
    }

    [Fact]
    public void Key_ignores_case_Unicode_form_and_spacing()
    {
        var cache = new LookupCache(TimeToLive, 10, _time);
        cache.Set(new PlaceQuery("Zürich", "CH", null), Zurich);

        var found = cache.TryGet(new PlaceQuery("  ZÜRICH ".Normalize(NormalizationForm.FormD), "ch", ""), out var place);

        Assert.True(found);
        Assert.Equal(Zurich, place);
    }

    [Fact]
    public void Admin1_is_part_of_the_key()
    {
        var cache = new LookupCache(TimeToLive, 10, _time);
        cache.Set(new PlaceQuery("Springfield", "US", "IL"), Zurich);

        Assert.False(cache.TryGet(new PlaceQuery("Springfield", "US", "MO"), out _));
        Assert.False(cache.TryGet(new PlaceQuery("Springfield", "US", null), out _));
    }

    [Fact]
    public void No_match_is_cached_as_null()
    {
        var cache = new LookupCache(TimeToLive, 10, _time);
        cache.Set(new PlaceQuery("Atlantis", "GR", null), null);

        Assert.True(cache.TryGet(new PlaceQuery("Atlantis", "GR", null), out var place));
        Assert.Null(place);
    }

    [Fact]
    public void Entry_expires_after_time_to_live()
    {
        var cache = new LookupCache(TimeToLive, 10, _time);
        cache.Set(new PlaceQuery("Zürich", "CH", null), Zurich);

        _time.Advance(TimeToLive - TimeSpan.FromTicks(1));
        var beforeExpiry = cache.TryGet(new PlaceQuery("Zürich", "CH", null), out _);
        _time.Advance(TimeSpan.FromTicks(1));
        var atExpiry = cache.TryGet(new PlaceQuery("Zürich", "CH", null), out _);

        Assert.True(beforeExpiry);
        Assert.False(atExpiry);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Full_cache_drops_least_recently_used()
    {
        var cache = new LookupCache(TimeToLive, 2, _time);
        cache.Set(new PlaceQuery("A", "CH", null), null);
        cache.Set(new PlaceQuery("B", "CH", null), null);
        cache.TryGet(new PlaceQuery("A", "CH", null), out _);

        cache.Set(new PlaceQuery("C", "CH", null), null);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet(new PlaceQuery("A", "CH", null), out _));
        Assert.False(cache.TryGet(new PlaceQuery("B", "CH", null), out _));
        Assert.True(cache.TryGet(new PlaceQuery("C", "CH", null), out _));
    }
}
