using Dovetail.Demo.Running;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.Reconcile;
using Dovetail.Grains.Lake.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dovetail.Demo.Lake;

/// <summary>
/// The <c>reconcile</c> command: compares the submissions listed in a file (one id per line, as the demo writes
/// them) with a lake folder, or with the S3 lake that the <c>Lake__S3__*</c> environment variables name as they do
/// for a silo, prints what is missing, duplicated or unexpected, and exits 1 on any mismatch.
/// </summary>
internal static class ReconcileCommand
{
    public const string Name = "reconcile";

    public const string Usage =
        "Usage: reconcile --api-url URL --api-key KEY (--lake DIR | with Lake__S3__Bucket set) --ids FILE\n"
        + "  Compares the committed versions of the submissions in FILE (one id per line) with the lake in DIR, or\n"
        + "  with the S3 lake named by the Lake__S3__* environment variables, as a silo reads them.";

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
            || !values.TryGetValue("--ids", out var idsFile))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var bucket = configuration[$"{S3LakeOptions.SectionName}:{nameof(S3LakeOptions.Bucket)}"];
        values.TryGetValue("--lake", out var lake);
        if (lake is null == string.IsNullOrEmpty(bucket))
        {
            await output.WriteLineAsync(
                lake is null
                    ? "Missing lake: give --lake DIR for a lake folder, or set Lake__S3__Bucket for an S3 lake.\n" + Usage
                    : "Two lakes given: --lake DIR and Lake__S3__Bucket name different lakes; keep one of them.\n" + Usage);
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
        LakeReconciliation reconciliation;
        if (lake is not null)
        {
            reconciliation = await LakeCheck.ReconcileAsync(new DovetailApiClient(http), lake, ids, cancellationToken);
        }
        else
        {
            // The same registration as a silo's, so the variables mean here what they mean in a deployment.
            var services = new ServiceCollection().AddLogging().AddDovetailLakeStore(configuration);
            await using var provider = services.BuildServiceProvider(validateScopes: true);
            reconciliation = await LakeCheck.ReconcileAsync(
                new DovetailApiClient(http), provider.GetRequiredService<ILakeStore>(), ids, cancellationToken);
        }

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
