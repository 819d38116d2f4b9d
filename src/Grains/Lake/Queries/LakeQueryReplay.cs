using System.Globalization;

namespace Dovetail.Grains.Lake.Queries;

/// <summary>
/// Runs the query again for every object in the dead-letter location, for an operator who fixed the cause.
/// </summary>
public static class LakeQueryReplay
{
    /// <summary>
    /// Re-runs the query of each object listed under <see cref="LakeQueryPaths.DeadLetterPrefix"/>, writes one line
    /// per object and a total to <paramref name="output"/>, and returns the process exit code: 0 when every object
    /// succeeded (or there was none), 1 otherwise. A success removes the entry; a failure rewrites it.
    /// </summary>
    public static async Task<int> ReplayAsync(LakeQueryRunner runner, ILakeStore store, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);

        // The listing is taken first, because each run removes or rewrites entries under the listed prefix.
        var entries = new List<string>();
        await foreach (var path in store.ListAsync(LakeQueryPaths.DeadLetterPrefix, ct))
        {
            entries.Add(path);
        }

        var failed = 0;
        foreach (var entry in entries)
        {
            string objectPath;
            try
            {
                objectPath = LakeQueryPaths.ObjectPathOfDeadLetter(entry);
            }
            catch (ArgumentException exception)
            {
                failed++;
                await output.WriteLineAsync($"skipped {entry}: {exception.Message}");
                continue;
            }

            var outcome = await runner.RunAsync(objectPath, ct);
            if (outcome.Succeeded)
            {
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"replayed {objectPath} -> {outcome.ResultPath} ({outcome.Attempts} attempt(s))"));
            }
            else
            {
                failed++;
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"failed {objectPath} after {outcome.Attempts} attempt(s): {outcome.Reason}"));
            }
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{entries.Count - failed} of {entries.Count} dead-letter object(s) replayed, {failed} failed"));
        return failed == 0 ? 0 : 1;
    }
}
