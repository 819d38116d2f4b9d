using System.Text;
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
        // FNV-1a over the normalised country and name, the same normalisation the cache and the matcher use, so
        // spellings that match the same place meet at one worker. A stable hash keeps the choice the same on every
        // silo and after restarts, which string.GetHashCode does not.
        var key = $"{PlaceNames.NormalizeCode(query.Country)}\n{PlaceNames.Normalize(query.Name)}";
        var hash = 2166136261u;
        foreach (var value in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ value) * 16777619u;
        }

        return hash % (uint)workerCount;
    }
}
