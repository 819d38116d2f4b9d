using Dovetail.Grains.Abstractions;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Lookup;

namespace Dovetail.Grains.Submissions;

/// <summary>
/// Picks the lookup worker for a query. The same query always goes to the same worker, so that worker's cache
/// serves repeats and its queue merges duplicates.
/// </summary>
internal static class LookupRouting
{
    public static long WorkerFor(PlaceQuery query, int workerCount)
    {
        // The key uses the same normalisation as the cache and the matcher, so spellings that match the same place
        // meet at one worker.
        var key = $"{PlaceNames.NormalizeCode(query.Country)}\n{PlaceNames.Normalize(query.Name)}";
        return StableStringHash.Fnv1a(key) % (uint)workerCount;
    }
}
