using System.IO.Compression;
using System.Text.Json;

namespace Dovetail.Grains.Tests;

/// <summary>
/// Reads a lake folder the way a downstream consumer would: manifests first, then the objects they name.
/// </summary>
internal static class LakeReader
{
    public sealed record Record(string ObjectPath, string EventId, string SubmissionId, int Version, string Status, string CorrelationId);

    public static IReadOnlyList<string> ObjectPaths(string root) =>
        Directory.Exists(Path.Combine(root, "manifests"))
            ? Directory.GetFiles(Path.Combine(root, "manifests"), "*.manifest.json", SearchOption.AllDirectories)
                .Select(manifest => JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("objectPath").GetString()!)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public static IReadOnlyList<Record> Records(string root)
    {
        var records = new List<Record>();
        foreach (var objectPath in ObjectPaths(root))
        {
            using var file = File.OpenRead(Path.Combine(root, objectPath));
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            while (reader.ReadLine() is { } line)
            {
                var record = JsonDocument.Parse(line).RootElement;
                records.Add(new Record(
                    objectPath,
                    record.GetProperty("eventId").GetString()!,
                    record.GetProperty("submissionId").GetString()!,
                    record.GetProperty("version").GetInt32(),
                    record.GetProperty("status").GetString()!,
                    record.GetProperty("correlationId").GetString()!));
            }
        }

        return records;
    }
}
