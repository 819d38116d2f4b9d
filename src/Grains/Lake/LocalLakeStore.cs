using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Lake;

/// <summary>
/// A lake in a local folder. Objects and manifests are written to a temporary file in the target folder and
/// renamed into place, which is atomic on one file system.
/// </summary>
public sealed class LocalLakeStore(IOptions<LakeOptions> options, TimeProvider time) : ILakeStore
{
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _root = Path.GetFullPath(options.Value.Root);

    public string Root => _root;

    public async Task<LakeManifest> PublishAsync(LakeBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Changes.Count == 0)
        {
            throw new ArgumentException("A lake object needs at least one change.", nameof(batch));
        }

        var objectPath = Path.Combine(_root, batch.ObjectPath);
        Directory.CreateDirectory(Path.GetDirectoryName(objectPath)!);
        var temporary = $"{objectPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
                {
                    LakeRecordWriter.Write(gzip, batch.Changes);
                }

                // The rename below publishes the object, so its bytes must be on disk first.
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            var (bytes, sha256) = await HashAsync(temporary, cancellationToken);
            File.Move(temporary, objectPath, overwrite: true);

            var manifest = new LakeManifest(
                batch.ObjectPath,
                batch.Partition,
                batch.WindowStart,
                batch.Sequence,
                batch.Changes.Count,
                bytes,
                sha256,
                batch.Changes[0].EventId,
                batch.Changes[^1].EventId,
                batch.Changes.Min(change => change.OccurredAt),
                batch.Changes.Max(change => change.OccurredAt),
                time.GetUtcNow());
            await WriteManifestAsync(Path.Combine(_root, LakeObjectName.ManifestPath(batch.ObjectPath)), manifest, cancellationToken);
            return manifest;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task<(long Bytes, string Sha256)> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(file, cancellationToken);
        return (file.Length, Convert.ToHexStringLower(hash));
    }

    private static async Task WriteManifestAsync(string path, LakeManifest manifest, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
