using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
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
    /// An object is missing or contains another number of records than its manifest. The day keeps its previous rows.
    /// </exception>
    public async Task<WarehouseLoadResult> LoadDayAsync(DateOnly day, bool force, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var manifests = await ReadManifestsAsync(day, cancellationToken);
            var fingerprint = Fingerprint(manifests);
            var previous = await warehouse.ReadLoadAsync(day, cancellationToken);
            if (!force && previous is not null && previous.SourceFingerprint == fingerprint)
            {
                WarehouseLog.Unchanged(logger, day, previous.LoadedAt);
                return Result(WarehouseLoadOutcome.Unchanged, previous);
            }

            // Both stores keep microseconds, so the time is cut to them and reads back equal.
            var now = time.GetUtcNow();
            var loadedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
            var load = await warehouse.ReplaceDayAsync(
                day, fingerprint, manifests.Count, ReadRowsAsync(manifests, cancellationToken), loadedAt, cancellationToken);
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

    /// <summary>Returns the lake's manifest prefix of <paramref name="day"/>, such as <c>manifests/date=2026-12-04/</c>.</summary>
    public static string ManifestPrefix(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"manifests/date={day:yyyy-MM-dd}/");

    private async Task<List<LakeManifest>> ReadManifestsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var manifests = new List<LakeManifest>();
        await foreach (var path in lake.Store.ListAsync(ManifestPrefix(day), cancellationToken))
        {
            var manifest = await lake.ReadManifestAsync(path, cancellationToken);
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
            var records = await ReadObjectAsync(manifest.ObjectPath, cancellationToken);

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

    private async Task<IList<LakeRecord>> ReadObjectAsync(string objectPath, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = await lake.Store.OpenReadAsync(objectPath, cancellationToken)
                ?? throw new WarehouseLoadException($"The manifest names '{objectPath}', but the lake has no such object.");
            return await LakeRecordReader.ReadAsync(content, cancellationToken);
        }
        catch (Exception exception) when (exception is not (WarehouseLoadException or OperationCanceledException or OutOfMemoryException))
        {
            // A truncated or corrupt object fails the load like a missing one. The cause is logged here, because the
            // exception that crosses the cluster carries only its message.
            WarehouseLog.ObjectUnreadable(logger, exception, objectPath);
            throw new WarehouseLoadException($"The object '{objectPath}' could not be read: {exception.Message}");
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
