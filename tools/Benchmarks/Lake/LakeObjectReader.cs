using Dovetail.Grains.Lake;

namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// Reads the event ids of a published object, in the order of its rows.
/// </summary>
internal static class LakeObjectReader
{
    public static async Task<IReadOnlyList<string>> ReadEventIdsAsync(
        string lakeRoot, string objectPath, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(Path.Combine(lakeRoot, objectPath));
        var records = await LakeRecordReader.ReadAsync(file, cancellationToken);
        return records.Select(record => record.EventId).ToList();
    }
}
