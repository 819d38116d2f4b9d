using System.Globalization;
using Dovetail.Grains.Abstractions.Lookup;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// Picks one gazetteer entry for a query from a stream of entries while keeping only the best candidate so far,
/// so memory does not grow with the size of the array.
/// </summary>
/// <remarks>
/// An entry matches when its normalised name (<see cref="PlaceNames.Normalize"/>) equals the query's, its country
/// equals the query's ignoring case, and, when the query has an <c>Admin1</c>, its admin1 code equals that one
/// ignoring case. Among several matches the pick is the smallest by admin1, then admin2 (both compared
/// ordinally, a missing code as empty), then latitude, then longitude (compared as numbers), then the name as
/// written (ordinally). The pick therefore does not depend on the order of the array.
/// </remarks>
public sealed class PlaceMatcher
{
    private readonly string _name;
    private readonly string _country;
    private readonly string? _admin1;
    private Candidate? _best;

    public PlaceMatcher(PlaceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);

        _name = PlaceNames.Normalize(query.Name);
        _country = PlaceNames.NormalizeCode(query.Country);
        _admin1 = string.IsNullOrWhiteSpace(query.Admin1) ? null : PlaceNames.NormalizeCode(query.Admin1);
    }

    /// <summary>Entries that matched so far.</summary>
    public int Candidates { get; private set; }

    /// <summary>Considers one entry. Entries that do not match are dropped at once.</summary>
    /// <exception cref="FormatException">A matching entry has coordinates that are not decimal numbers.</exception>
    public void Add(GazetteerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        if (entry.Name is null
            || !string.Equals(PlaceNames.NormalizeCode(entry.Country), _country, StringComparison.Ordinal))
        {
            return;
        }

        var admin1 = PlaceNames.NormalizeCode(entry.Admin1);
        if (_admin1 is not null && !string.Equals(admin1, _admin1, StringComparison.Ordinal))
        {
            return;
        }

        if (!string.Equals(PlaceNames.Normalize(entry.Name), _name, StringComparison.Ordinal))
        {
            return;
        }

        var candidate = new Candidate(
            entry,
            admin1,
            PlaceNames.NormalizeCode(entry.Admin2),
            ParseCoordinate(entry.Latitude, "lat"),
            ParseCoordinate(entry.Longitude, "lng"));

        Candidates++;
        if (_best is null || candidate.CompareTo(_best) < 0)
        {
            _best = candidate;
        }
    }

    /// <summary>Returns the picked entry, or null when nothing matched.</summary>
    public MatchedPlace? GetResult()
    {
        if (_best is not { } best)
        {
            return null;
        }

        return new MatchedPlace(
            best.Entry.Name!,
            best.Entry.Country!,
            NullIfEmpty(best.Entry.Admin1),
            NullIfEmpty(best.Entry.Admin2),
            best.Latitude,
            best.Longitude,
            Candidates);
    }

    private static decimal ParseCoordinate(string? text, string field)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new FormatException($"The gazetteer entry's '{field}' value '{text}' is not a decimal number.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private sealed record Candidate(
        GazetteerEntry Entry, string Admin1, string Admin2, decimal Latitude, decimal Longitude)
    {
        public int CompareTo(Candidate other)
        {
            var order = string.CompareOrdinal(Admin1, other.Admin1);
            if (order == 0)
            {
                order = string.CompareOrdinal(Admin2, other.Admin2);
            }

            if (order == 0)
            {
                order = Latitude.CompareTo(other.Latitude);
            }

            if (order == 0)
            {
                order = Longitude.CompareTo(other.Longitude);
            }

            return order != 0 ? order : string.CompareOrdinal(Entry.Name, other.Entry.Name);
        }
    }
}
