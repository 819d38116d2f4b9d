using System.Text.Json;
using Dovetail.Grains.Lake;

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
            foreach (var record in LakeRecordReader.ReadAsync(file, CancellationToken.None).GetAwaiter().GetResult())
            {
                records.Add(new Record(
                    objectPath, record.EventId, record.SubmissionId, record.Version, record.Status, record.CorrelationId));
            }
        }

        return records;
    }
}
