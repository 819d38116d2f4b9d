using Dovetail.Grains.Abstractions.Lookup;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// Successful lookups, match or no match, kept for a time-to-live and keyed by the normalised query, so the same
/// query within that time makes no external call. Bounded: the least recently used entry goes first when full.
/// Safe for concurrent callers.
/// </summary>
public sealed class LookupCache
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _timeToLive;
    private readonly int _maxEntries;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);

    // Most recently used first.
    private readonly LinkedList<Entry> _usage = new();

    public LookupCache(TimeSpan timeToLive, int maxEntries, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);

        _timeToLive = timeToLive;
        _maxEntries = maxEntries;
        _timeProvider = timeProvider;
    }

    /// <summary>Creates a cache with <see cref="LookupOptions.CacheTimeToLive"/> and its size bound.</summary>
    public static LookupCache FromOptions(LookupOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LookupCache(options.CacheTimeToLive, options.CacheMaxEntries, timeProvider);
    }

    /// <summary>Entries held, expired ones not yet removed included.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Returns the key of a query: normalised name, country and admin1.</summary>
    public static string KeyOf(PlaceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);

        // U+001F (unit separator) cannot occur in a normalised name or a code, so keys of different queries differ.
        return string.Join(
            '\u001f',
            PlaceNames.Normalize(query.Name),
            PlaceNames.NormalizeCode(query.Country),
            PlaceNames.NormalizeCode(query.Admin1));
    }

    /// <summary>Looks a query up.</summary>
    /// <param name="place">The cached pick, or null when the cached result is no match.</param>
    /// <returns>True when a live entry exists, whether it contains a match or no match.</returns>
    public bool TryGet(PlaceQuery query, out MatchedPlace? place)
    {
        var key = KeyOf(query);
        lock (_gate)
        {
            place = null;
            if (!_entries.TryGetValue(key, out var node))
            {
                return false;
            }

            if (_timeProvider.GetUtcNow() >= node.Value.ExpiresAt)
            {
                Remove(node);
                return false;
            }

            _usage.Remove(node);
            _usage.AddFirst(node);
            place = node.Value.Place;
            return true;
        }
    }

    /// <summary>Stores the result of a query, a pick or null for no match, replacing any earlier one.</summary>
    public void Set(PlaceQuery query, MatchedPlace? place)
    {
        var key = KeyOf(query);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                Remove(existing);
            }

            while (_entries.Count >= _maxEntries && _usage.Last is { } leastRecentlyUsed)
            {
                Remove(leastRecentlyUsed);
            }

            var node = _usage.AddFirst(new Entry(key, place, _timeProvider.GetUtcNow() + _timeToLive));
            _entries.Add(key, node);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _usage.Remove(node);
        _entries.Remove(node.Value.Key);
    }

    private sealed record Entry(string Key, MatchedPlace? Place, DateTimeOffset ExpiresAt);
}
