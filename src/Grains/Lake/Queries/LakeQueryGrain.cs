using System.Text.Json;
using Dovetail.Grains.Abstractions.Lake;
using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Lake.Queries;

/// <summary>
/// The query step of one lake object, keyed by the object's path. It is a normal grain rather than a stateless
/// worker, so there is one activation per object. A trigger that is retried while the first call still runs then
/// waits for it instead of querying the object a second time at once.
/// </summary>
public sealed class LakeQueryGrain(
    LakeQueryRunner runner,
    LakePublisher publisher,
    ILogger<LakeQueryGrain> logger) : Grain, ILakeQueryGrain
{
    public async Task<LakeQueryOutcome> RunAsync()
    {
        var objectPath = this.GetPrimaryKeyString();
        var resultPath = LakeQueryPaths.ResultPath(objectPath);
        var sha256 = await CurrentResultChecksumAsync(objectPath, resultPath);
        if (sha256 is not null)
        {
            LakeQueryLog.AlreadySummarised(logger, objectPath, resultPath, sha256);
            return new LakeQueryOutcome(objectPath, true, resultPath, 0, null);
        }

        return await runner.RunAsync(objectPath, CancellationToken.None);
    }

    /// <summary>
    /// Returns the object's checksum when the stored result was made from the object its manifest describes, or
    /// null when there is no manifest, no result, or a result of other bytes (the object was published again).
    /// </summary>
    private async Task<string?> CurrentResultChecksumAsync(string objectPath, string resultPath)
    {
        var manifest = await publisher.ReadManifestAsync(LakeObjectName.ManifestPath(objectPath), CancellationToken.None);
        if (manifest is null)
        {
            return null;
        }

        await using var result = await publisher.Store.OpenReadAsync(resultPath, CancellationToken.None);
        if (result is null)
        {
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(result);
            var stored = document.RootElement.TryGetProperty("objectSha256", out var value) ? value.GetString() : null;
            return string.Equals(stored, manifest.Sha256, StringComparison.OrdinalIgnoreCase) ? manifest.Sha256 : null;
        }
        catch (JsonException exception)
        {
            LakeQueryLog.ResultUnreadable(logger, exception, objectPath, resultPath);
            return null;
        }
    }
}
