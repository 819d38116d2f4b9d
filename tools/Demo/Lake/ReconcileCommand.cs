using Dovetail.Demo.Running;
using Dovetail.Grains.Lake.Reconcile;

namespace Dovetail.Demo.Lake;

/// <summary>
/// The <c>reconcile</c> command: compares the submissions listed in a file (one id per line, as the demo writes
/// them) with a lake folder, prints what is missing, duplicated or unexpected, and exits 1 on any mismatch.
/// </summary>
/// <remarks>
/// NOTE: the command reads a lake folder only. The reconciler works on any <c>ILakeStore</c>, but an S3 lake has no
/// command-line option here yet.
/// </remarks>
internal static class ReconcileCommand
{
    public const string Name = "reconcile";

    public const string Usage =
        "Usage: reconcile --api-url URL --api-key KEY --lake DIR --ids FILE\n"
        + "  Compares the committed versions of the submissions in FILE (one id per line) with the lake in DIR.";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 1; index + 1 < arguments.Count; index += 2)
        {
            values[arguments[index]] = arguments[index + 1];
        }

        if (!values.TryGetValue("--api-url", out var apiUrl) || !Uri.TryCreate(apiUrl, UriKind.Absolute, out var apiUri)
            || !values.TryGetValue("--api-key", out var apiKey)
            || !values.TryGetValue("--lake", out var lake)
            || !values.TryGetValue("--ids", out var idsFile))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        if (!File.Exists(idsFile))
        {
            await output.WriteLineAsync($"The ids file {idsFile} does not exist; the demo writes one per run under artifacts/.");
            return 2;
        }

        var ids = (await File.ReadAllLinesAsync(idsFile, cancellationToken)).Where(line => line.Length > 0).ToList();
        using var http = new HttpClient { BaseAddress = apiUri, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var reconciliation = await LakeCheck.ReconcileAsync(new DovetailApiClient(http), lake, ids, cancellationToken);
        await WriteAsync(output, reconciliation);
        return reconciliation.Mismatches == 0 ? 0 : 1;
    }

    public static async Task WriteAsync(TextWriter output, LakeReconciliation reconciliation)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reconciliation);

        await output.WriteLineAsync(
            $"Lake: {reconciliation.Records} record(s) in {reconciliation.Objects} object(s), "
            + $"{reconciliation.QueryResults} query result(s), {reconciliation.Mismatches} mismatch(es).");
        await WriteListAsync(output, "missing", reconciliation.Missing);
        await WriteListAsync(output, "duplicated", reconciliation.Duplicated);
        await WriteListAsync(output, "unexpected", reconciliation.Unexpected);
        await WriteListAsync(output, "query result problem", reconciliation.ResultProblems);
    }

    private static async Task WriteListAsync(TextWriter output, string kind, IReadOnlyList<string> items)
    {
        foreach (var item in items.Take(20))
        {
            await output.WriteLineAsync($"  {kind}: {item}");
        }

        if (items.Count > 20)
        {
            await output.WriteLineAsync($"  ... and {items.Count - 20} more {kind}");
        }
    }
}
