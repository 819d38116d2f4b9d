using System.Text;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// The comparison form of place names, used to match a query against gazetteer entries and to key the cache.
/// </summary>
public static class PlaceNames
{
    /// <summary>
    /// Returns the comparison form of a place name: Unicode NFKC, then lower case by the invariant culture, with
    /// leading and trailing white space removed and every inner run of white space replaced by one space.
    /// </summary>
    /// <remarks>
    /// NFKC rather than NFC because a comparison key should also equate compatibility forms that clients send by
    /// accident, such as full-width letters, ligatures and no-break spaces. The result is a key, not a display
    /// name: the gazetteer's own spelling is what a match returns.
    /// </remarks>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        var lowered = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(lowered.Length);
        var pendingSpace = false;
        foreach (var character in lowered)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        // Lower-casing can leave a sequence that is no longer in normal form, so normalise once more.
        return builder.ToString().Normalize(NormalizationForm.FormKC);
    }

    /// <summary>Returns the comparison form of an administrative or country code: trimmed, upper case.</summary>
    public static string NormalizeCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? string.Empty : code.Trim().ToUpperInvariant();
}
