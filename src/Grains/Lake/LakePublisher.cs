using System.Security.Cryptography;
using System.Text.Json;

namespace Dovetail.Grains.Lake;

/// <summary>
/// Turns a batch into a lake object and its manifest. The object is encoded into a local staging file first, so a
/// failure while encoding leaves nothing in the store, and the manifest is stored after the object, so a reader that
/// finds a manifest finds the whole object.
/// </summary>
public sealed class LakePublisher(ILakeStore store, TimeProvider time)
{
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public ILakeStore Store => store;

    public async Task<LakeManifest> PublishAsync(LakeBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Changes.Count == 0)
        {
            throw new ArgumentException("A lake object needs at least one change.", nameof(batch));
        }

        var staging = Path.Combine(Path.GetTempPath(), $"dovetail-lake-{Guid.NewGuid():N}{LakeObjectName.ObjectSuffix}");
        try
        {
            await using var file = new FileStream(
                staging, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await LakeRecordWriter.WriteAsync(file, batch.Changes, cancellationToken);
            file.Position = 0;
            var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
            var bytes = file.Length;
            file.Position = 0;
            await store.PutAsync(batch.ObjectPath, file, cancellationToken);

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
            using var manifestContent = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson));
            await store.PutAsync(LakeObjectName.ManifestPath(batch.ObjectPath), manifestContent, cancellationToken);
            return manifest;
        }
        finally
        {
            // DeleteOnClose removes the staging file once it is open; this covers a failure before it opened.
            File.Delete(staging);
        }
    }

    /// <summary>Reads the manifest stored at <paramref name="manifestPath"/>, or returns null when there is none.</summary>
    public async Task<LakeManifest?> ReadManifestAsync(string manifestPath, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(manifestPath, cancellationToken);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<LakeManifest>(stream, ManifestJson, cancellationToken);
    }
}
