using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Dovetail.Grains.Abstractions.Storage;
using Dovetail.Grains.Abstractions.Warehouse;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Warehouse;

/// <summary>
/// Loads one lake day into the warehouse: every object whose manifest is under <c>manifests/date=YYYY-MM-DD/</c>.
/// A load replaces the day's rows in one transaction, so running it again gives the same rows, and it writes nothing
/// when the day's objects are the ones its last load read.
/// </summary>
public sealed class WarehouseLoader(
    LakePublisher lake, IWarehouse warehouse, TimeProvider time, ILogger<WarehouseLoader> logger)
{
    /// <summary>
    /// Loads <paramref name="day"/> when its objects changed since its last load, or always when
    /// <paramref name="force"/> is true.
    /// </summary>
    /// <exception cref="WarehouseLoadException">
    /// The lake does not match its manifests, or lists fewer objects for the day than its last load read. The day
    /// keeps its previous rows.
    /// </exception>
    /// <exception cref="StoreUnavailableException">The warehouse could not be read or written.</exception>
    public async Task<WarehouseLoadResult> LoadDayAsync(DateOnly day, bool force, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var manifests = await ReadManifestsAsync(day, cancellationToken);
            var fingerprint = Fingerprint(manifests);
            var previous = await WarehouseCallAsync(() => warehouse.ReadLoadAsync(day, cancellationToken));
            if (!force && previous is not null && previous.SourceFingerprint == fingerprint)
            {
                WarehouseLog.Unchanged(logger, day, previous.LoadedAt);
                return Result(WarehouseLoadOutcome.Unchanged, previous);
            }

            // Lake objects are only ever added, so fewer of them than the last load read means the lake is not the
            // one loaded before: a wrong Lake:Root or S3 prefix, or a lost object. Loading it would empty the day.
            if (previous is not null && manifests.Count < previous.Objects)
            {
                WarehouseLog.FewerObjects(logger, day, manifests.Count, previous.Objects, lake.Store.Location);
                throw new WarehouseLoadException(
                    $"The lake lists {manifests.Count} object(s) for {day:yyyy-MM-dd}, fewer than the {previous.Objects} "
                    + "its last load read. Check that Lake:Root or Lake:S3:Prefix names the lake; the silo log names the "
                    + "lake it read (event 5008).");
            }

            // Both stores keep microseconds, so the time is cut to them and reads back equal.
            var now = time.GetUtcNow();
            var loadedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
            var load = await WarehouseCallAsync(() => warehouse.ReplaceDayAsync(
                day, fingerprint, manifests.Count, ReadRowsAsync(manifests, cancellationToken), loadedAt, cancellationToken));
            var elapsed = time.GetElapsedTime(started);
            DovetailMetrics.RecordWarehouseLoad(elapsed);
            WarehouseLog.Loaded(logger, day, load.Records, load.Objects, elapsed.TotalSeconds);
            return Result(WarehouseLoadOutcome.Loaded, load);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            WarehouseLog.LoadFailed(logger, exception, day);
            throw;
        }
    }

    // A failure of the warehouse itself (the database is down, another process has the DuckDB file open) is a store
    // outage that a retry may fix, unlike a lake that does not match its manifests.
    private async Task<T> WarehouseCallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is not (WarehouseLoadException or OperationCanceledException or OutOfMemoryException))
        {
            // The caller sees only that the warehouse failed. The cause may name files and processes of the host, so
            // it goes to the log, and the exception that crosses the cluster carries none of it.
            WarehouseLog.WarehouseUnavailable(logger, exception, warehouse.Location);
            throw new StoreUnavailableException("The warehouse could not be read or written.");
        }
    }

    /// <summary>Returns the lake's manifest prefix of <paramref name="day"/>, such as <c>manifests/date=2026-12-04/</c>.</summary>
    public static string ManifestPrefix(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"manifests/date={day:yyyy-MM-dd}/");

    private async Task<List<LakeManifest>> ReadManifestsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var manifests = new List<LakeManifest>();
        await foreach (var path in lake.Store.ListAsync(ManifestPrefix(day), cancellationToken))
        {
            // Other files beside the manifests, such as an editor's or a file browser's, are not part of the lake.
            if (!path.EndsWith(LakeObjectName.ManifestSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var manifest = await ReadManifestAsync(path, cancellationToken);
            if (manifest is null)
            {
                WarehouseLog.ManifestVanished(logger, path, day);
                continue;
            }

            manifests.Add(manifest);
        }

        manifests.Sort((left, right) => string.CompareOrdinal(left.ObjectPath, right.ObjectPath));
        return manifests;
    }

    // The rows are read one object at a time while the store writes them, so memory keeps one object, not a day.
    private async IAsyncEnumerable<WarehouseRow> ReadRowsAsync(
        IReadOnlyList<LakeManifest> manifests, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var manifest in manifests)
        {
            var records = await ReadObjectAsync(manifest, cancellationToken);

            if (records.Count != manifest.Records)
            {
                throw new WarehouseLoadException(
                    $"The object '{manifest.ObjectPath}' contains {records.Count} records, but its manifest lists {manifest.Records}.");
            }

            foreach (var record in records)
            {
                yield return new WarehouseRow(record, manifest.ObjectPath);
            }
        }
    }

    private async Task<LakeManifest?> ReadManifestAsync(string path, CancellationToken cancellationToken)
    {
        LakeManifest? manifest;
        try
        {
            manifest = await lake.ReadManifestAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or OutOfMemoryException))
        {
            WarehouseLog.FileUnreadable(logger, exception, path);
            throw new WarehouseLoadException($"The manifest '{path}' could not be read; the silo log has the cause (event 5006).");
        }

        if (manifest is not null && (string.IsNullOrEmpty(manifest.ObjectPath) || string.IsNullOrEmpty(manifest.Sha256)))
        {
            throw new WarehouseLoadException($"The manifest '{path}' names no object or no checksum.");
        }

        return manifest;
    }

    // The object is read into memory once, to check its size and SHA-256 against the manifest before its rows are
    // used: a manifest and object that do not belong together would otherwise load the wrong changes unnoticed.
    private async Task<IList<LakeRecord>> ReadObjectAsync(LakeManifest manifest, CancellationToken cancellationToken)
    {
        var objectPath = manifest.ObjectPath;
        try
        {
            await using var content = await lake.Store.OpenReadAsync(objectPath, cancellationToken)
                ?? throw new WarehouseLoadException($"The manifest names '{objectPath}', but the lake has no such object.");
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, cancellationToken);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(copy.GetBuffer().AsSpan(0, (int)copy.Length)));
            if (copy.Length != manifest.Bytes || !string.Equals(sha256, manifest.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new WarehouseLoadException(
                    $"The object '{objectPath}' has {copy.Length} bytes with SHA-256 {sha256}, but its manifest lists "
                    + $"{manifest.Bytes} bytes with SHA-256 {manifest.Sha256}.");
            }

            copy.Position = 0;
            return await LakeRecordReader.ReadAsync(copy, cancellationToken);
        }
        catch (Exception exception) when (exception is not (WarehouseLoadException or OperationCanceledException or OutOfMemoryException))
        {
            // A truncated or corrupt object fails the load like a missing one. The cause is logged here, because the
            // exception that crosses the cluster carries only its message.
            WarehouseLog.FileUnreadable(logger, exception, objectPath);
            throw new WarehouseLoadException($"The object '{objectPath}' could not be read; the silo log has the cause (event 5006).");
        }
    }

    private static string Fingerprint(IReadOnlyList<LakeManifest> manifests)
    {
        var source = new StringBuilder();
        foreach (var manifest in manifests)
        {
            source.Append(manifest.ObjectPath).Append(' ').Append(manifest.Sha256).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.ToString())));
    }

    private static WarehouseLoadResult Result(WarehouseLoadOutcome outcome, WarehouseLoad load) =>
        new(outcome, load.Day, load.Objects, load.Records, load.SourceFingerprint, load.LoadedAt);
}
