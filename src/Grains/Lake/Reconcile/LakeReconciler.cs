using System.Text.Json;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Lake.Queries;

namespace Dovetail.Grains.Lake.Reconcile;

/// <summary>
/// Compares committed submissions with what the lake contains: the event ids in the published objects and the query
/// result of each object. Only the records of the given submissions count, so a lake shared with other runs or
/// clients does not produce false mismatches.
/// </summary>
public sealed class LakeReconciler(LakePublisher publisher)
{
    private const string ManifestPrefix = "manifests/";

    /// <summary>
    /// Reconciles the lake with <paramref name="committed"/>, which maps each submission id to the versions it
    /// committed (from its timeline).
    /// </summary>
    public async Task<LakeReconciliation> ReconcileAsync(
        IReadOnlyDictionary<string, IReadOnlyCollection<int>> committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committed);

        var expected = committed
            .SelectMany(pair => pair.Value.Select(version => SubmissionChanged.EventIdOf(pair.Key, version)))
            .ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var objects = 0;
        var results = 0;
        var resultProblems = new List<string>();

        await foreach (var manifestPath in publisher.Store.ListAsync(ManifestPrefix, cancellationToken))
        {
            var manifest = await publisher.ReadManifestAsync(manifestPath, cancellationToken);
            if (manifest is null)
            {
                continue;
            }

            var inScope = await CountRecordsAsync(manifest.ObjectPath, committed, seen, cancellationToken);
            if (inScope == 0)
            {
                continue;
            }

            objects++;
            var problem = await CheckResultAsync(manifest, cancellationToken);
            if (problem is null)
            {
                results++;
            }
            else
            {
                resultProblems.Add(problem);
            }
        }

        return new LakeReconciliation(
            objects,
            seen.Values.Sum(),
            results,
            expected.Where(eventId => !seen.ContainsKey(eventId)).Order(StringComparer.Ordinal).ToList(),
            seen.Where(pair => pair.Value > 1).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList(),
            seen.Keys.Where(eventId => !expected.Contains(eventId)).Order(StringComparer.Ordinal).ToList(),
            resultProblems);
    }

    // Counts the object's records of committed submissions into seen, and returns how many there were.
    private async Task<int> CountRecordsAsync(
        string objectPath,
        IReadOnlyDictionary<string, IReadOnlyCollection<int>> committed,
        Dictionary<string, int> seen,
        CancellationToken cancellationToken)
    {
        await using var stream = await publisher.Store.OpenReadAsync(objectPath, cancellationToken)
            ?? throw new InvalidDataException($"The manifest names '{objectPath}', but the lake has no such object.");
        var count = 0;
        foreach (var record in await LakeRecordReader.ReadAsync(stream, cancellationToken))
        {
            if (!committed.ContainsKey(record.SubmissionId))
            {
                continue;
            }

            seen[record.EventId] = seen.GetValueOrDefault(record.EventId) + 1;
            count++;
        }

        return count;
    }

    // Returns null when the object's query result is stored and was made from these bytes, else what is wrong.
    private async Task<string?> CheckResultAsync(LakeManifest manifest, CancellationToken cancellationToken)
    {
        var resultPath = LakeQueryPaths.ResultPath(manifest.ObjectPath);
        await using var stream = await publisher.Store.OpenReadAsync(resultPath, cancellationToken);
        if (stream is null)
        {
            var deadLetter = await publisher.Store.OpenReadAsync(LakeQueryPaths.DeadLetterPath(manifest.ObjectPath), cancellationToken);
            await using (deadLetter)
            {
                return deadLetter is null
                    ? $"{manifest.ObjectPath}: no query result at {resultPath}"
                    : $"{manifest.ObjectPath}: the query step failed and the object is in the dead-letter location";
            }
        }

        using var result = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var records = result.RootElement.GetProperty("records").GetInt32();
        var sha256 = result.RootElement.GetProperty("objectSha256").GetString();
        if (records != manifest.Records || !string.Equals(sha256, manifest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return $"{manifest.ObjectPath}: the query result at {resultPath} counts {records} records of another object version "
                + $"(the manifest has {manifest.Records} records, SHA-256 {manifest.Sha256})";
        }

        return null;
    }
}
