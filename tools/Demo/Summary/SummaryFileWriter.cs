using System.Text.Json;
using Dovetail.Demo.Stats;

namespace Dovetail.Demo.Summary;

/// <summary>
/// Writes the summary as one JSON object for scripts and CI to read.
/// </summary>
internal static class SummaryFileWriter
{
    /// <summary>The environment variable that names the file; nothing is written when it is unset.</summary>
    public const string PathVariable = "DOVETAIL_SUMMARY_FILE";

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public static async Task WriteAsync(string path, DemoSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var statistics = summary.Statistics;
        var document = new
        {
            succeeded = summary.Succeeded,
            seed = summary.Seed,
            concurrency = summary.Concurrency,
            durationSeconds = Math.Round(summary.Duration.TotalSeconds, 3),
            planned = statistics.Planned,
            submitted = statistics.Submitted,
            completed = statistics.Completed,
            failed = statistics.Failed,
            expired = statistics.Expired,
            notFinal = statistics.NotFinal.Count,
            notFinalSubmissions = statistics.NotFinal,
            statusesByPlaceKind = statistics.StatusesByKind.ToDictionary(
                pair => JsonNamingPolicy.CamelCase.ConvertName(pair.Key.ToString()), pair => pair.Value),
            additionalDataResults = statistics.AdditionalDataResults,
            idempotency = new
            {
                repeatsSent = statistics.RepeatsSent,
                sameId = statistics.RepeatsWithSameId,
                otherId = statistics.RepeatsWithOtherId,
            },
            clientRetries = statistics.ClientRetries,
            latencyMs = new
            {
                firstPost = statistics.FirstPost,
                additionalDataPost = statistics.AdditionalData,
                timeToFinalStatus = statistics.TimeToFinal,
                get = statistics.Get,
            },
            lake_objects = summary.Lake?.Objects,
            lake_records = summary.Lake?.Records,
            query_results = summary.Lake?.QueryResults,
            reconcile_mismatches = summary.Lake?.Mismatches,
            warehouse_rows = summary.Warehouse?.Rows,
            insights_version = summary.Warehouse?.InsightsVersion,
            externalCalls = summary.ExternalCalls,
            externalCallsUnavailable = summary.ExternalCallsUnavailable,
            errors = statistics.Errors.Select(pair => new { message = pair.Key, count = pair.Value }),
            links = new
            {
                api = summary.Links.Api,
                openApi = summary.Links.OpenApi,
                sampleSubmission = summary.Links.SampleSubmission,
                dashboard = summary.Links.Dashboard,
            },
            logs = summary.LogPaths,
        };

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, document, SerializerOptions, cancellationToken);
    }
}
