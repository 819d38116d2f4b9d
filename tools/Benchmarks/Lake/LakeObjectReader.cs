using System.IO.Compression;
using System.Text.Json;

namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// Reads the event ids of a published object, in the order of its NDJSON lines.
/// </summary>
internal static class LakeObjectReader
{
    public static async Task<IReadOnlyList<string>> ReadEventIdsAsync(
        string lakeRoot, string objectPath, CancellationToken cancellationToken)
    {
        var eventIds = new List<string>();
        await using var file = File.OpenRead(Path.Combine(lakeRoot, objectPath));
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var record = JsonDocument.Parse(line);
            var eventId = record.RootElement.GetProperty("eventId").GetString()
                ?? throw new BenchmarkSetupException($"A record in '{objectPath}' has a null event id.");
            eventIds.Add(eventId);
        }

        return eventIds;
    }
}
