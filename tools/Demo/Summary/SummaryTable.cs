using System.Globalization;
using Dovetail.Demo.Stats;
using Dovetail.Grains.Lake.Reconcile;
using Spectre.Console;

namespace Dovetail.Demo.Summary;

/// <summary>
/// Prints the summary as Spectre tables.
/// </summary>
internal static class SummaryTable
{
    private const int MaxListedItems = 20;

    public static void Write(IAnsiConsole console, DemoSummary summary)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(summary);
        var statistics = summary.Statistics;

        console.Write(new Rule("Summary"));
        console.Write(Statuses(statistics));
        console.Write(ByPlaceKind(statistics));
        console.Write(Latencies(statistics));
        console.Write(Calls(summary));
        if (summary.Lake is { } lake)
        {
            console.Write(Lake(lake));
        }

        if (summary.Warehouse is { } warehouse)
        {
            console.Write(Warehouse(warehouse));
        }

        WriteProblems(console, statistics);
        console.Write(Links(summary));

        var duration = summary.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        console.MarkupLineInterpolated($"Seed {summary.Seed}, concurrency {summary.Concurrency}, took {duration} s.");
    }

    private static Table Statuses(RunStatistics statistics)
    {
        var table = new Table().Title("Submissions").AddColumn("Outcome").AddColumn(new TableColumn("Count").RightAligned());
        AddCount(table, "planned", statistics.Planned);
        AddCount(table, "submitted (202 with an id)", statistics.Submitted);
        AddCount(table, "completed", statistics.Completed);
        AddCount(table, "failed", statistics.Failed);
        AddCount(table, "expired", statistics.Expired);
        AddCount(table, "not final", statistics.NotFinal.Count);
        foreach (var (result, count) in statistics.AdditionalDataResults)
        {
            AddCount(table, $"additional data: {result}", count);
        }

        AddCount(table, "repeated first POSTs", statistics.RepeatsSent);
        AddCount(table, "repeated first POSTs with the same id", statistics.RepeatsWithSameId);
        AddCount(table, "client retries (transport errors, 429, 502-504)", statistics.ClientRetries);
        return table;
    }

    private static Table ByPlaceKind(RunStatistics statistics)
    {
        var table = new Table().Title("Final status by kind of place name").AddColumn("Kind").AddColumn("Statuses");
        foreach (var (kind, statuses) in statistics.StatusesByKind)
        {
            var text = string.Join(", ", statuses.Select(pair => $"{pair.Key} {pair.Value}"));
            table.AddRow(new Text(kind.ToString()), new Text(text));
        }

        return table;
    }

    private static Table Latencies(RunStatistics statistics)
    {
        var table = new Table().Title("Latency in milliseconds (POSTs include client retries)").AddColumn("Stage");
        foreach (var heading in new[] { "Samples", "p50", "p95", "p99", "max" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        AddLatency(table, "first POST", statistics.FirstPost);
        AddLatency(table, "additional-data POST", statistics.AdditionalData);
        AddLatency(table, "first POST to final status", statistics.TimeToFinal);
        AddLatency(table, "GET", statistics.Get);
        return table;
    }

    private static Table Calls(DemoSummary summary)
    {
        var table = new Table().Title("Calls to the gazetteer stand-in during the run")
            .AddColumn("Counter").AddColumn(new TableColumn("Count").RightAligned());
        if (summary.ExternalCalls is not { } calls)
        {
            table.AddRow(new Text("unavailable"), new Text(summary.ExternalCallsUnavailable ?? "unknown reason"));
            return table;
        }

        AddCount(table, "requests", calls.Requests);
        AddCount(table, "served", calls.Served);
        AddCount(table, "throttled (429)", calls.Throttled);
        AddCount(table, "failed by fault injection", calls.Failed);

        // The stand-in cannot tell a retry from a first call. Each rejected call is one the API had to retry or give up.
        AddCount(table, "rejected, so retried or given up (throttled + failed)", calls.Throttled + calls.Failed);
        return table;
    }

    private static Table Lake(LakeReconciliation lake)
    {
        var table = new Table().Title("The run's changes in the lake")
            .AddColumn("Check").AddColumn(new TableColumn("Count").RightAligned());
        AddCount(table, "objects with this run's records", lake.Objects);
        AddCount(table, "records (one per committed change)", lake.Records);
        AddCount(table, "query results", lake.QueryResults);
        AddCount(table, "missing changes", lake.Missing.Count);
        AddCount(table, "duplicated changes", lake.Duplicated.Count);
        AddCount(table, "unexpected changes", lake.Unexpected.Count);
        AddCount(table, "objects without a matching query result", lake.ResultProblems.Count);
        return table;
    }

    private static Table Warehouse(WarehouseSummary warehouse)
    {
        var table = new Table().Title("The run's days in the warehouse")
            .AddColumn("Check").AddColumn(new TableColumn("Count").RightAligned());
        AddCount(table, "rows (one per lake record)", warehouse.Rows);
        AddCount(table, "insights dataset version after the loads", warehouse.InsightsVersion);
        if (warehouse.Error is not null)
        {
            table.AddRow(new Text("error"), new Text(warehouse.Error));
        }

        return table;
    }

    private static void WriteProblems(IAnsiConsole console, RunStatistics statistics)
    {
        if (statistics.Errors.Count > 0)
        {
            var table = new Table().Title("Errors").AddColumn(new TableColumn("Count").RightAligned()).AddColumn("Message");
            foreach (var (message, count) in statistics.Errors.Take(MaxListedItems))
            {
                table.AddRow(new Text(count.ToString(CultureInfo.InvariantCulture)), new Text(message));
            }

            console.Write(table);
            WriteMore(console, statistics.Errors.Count, "distinct errors");
        }

        if (statistics.NotFinal.Count > 0)
        {
            console.MarkupLine("[red]Submissions that did not reach a final status:[/]");
            foreach (var item in statistics.NotFinal.Take(MaxListedItems))
            {
                console.WriteLine($"  {item}");
            }

            WriteMore(console, statistics.NotFinal.Count, "submissions");
        }

        if (statistics.RepeatsWithOtherId > 0)
        {
            console.MarkupLineInterpolated(
                $"[red]{statistics.RepeatsWithOtherId} repeated first POSTs returned a different id; see the errors above.[/]");
        }
    }

    private static Table Links(DemoSummary summary)
    {
        var links = summary.Links;
        var table = new Table().Title("Where to look").AddColumn("What").AddColumn("URL or path");
        table.AddRow(new Text("API"), new Text(links.Api.AbsoluteUri));
        table.AddRow(new Text("OpenAPI document"), new Text(links.OpenApi.AbsoluteUri));
        if (links.SampleSubmission is not null)
        {
            var curl = links.ApiKeyPath is null
                ? $"curl -H \"X-Api-Key: $API_KEY\" {links.SampleSubmission.AbsoluteUri}"
                : $"curl -H \"X-Api-Key: $(cat {links.ApiKeyPath})\" {links.SampleSubmission.AbsoluteUri}";
            table.AddRow(new Text("A submission"), new Text(curl));
        }

        table.AddRow(new Text("Orleans dashboard"), new Text(links.Dashboard?.AbsoluteUri ?? "not served by this API"));
        if (links.Dashboard is not null)
        {
            table.AddRow(new Text("Insights dashboard"), new Text(new Uri(links.Api, "insights").AbsoluteUri));
        }
        foreach (var log in summary.LogPaths)
        {
            table.AddRow(new Text("Log"), new Text(log));
        }

        return table;
    }

    private static void AddCount(Table table, string label, long count) =>
        table.AddRow(new Text(label), new Text(count.ToString(CultureInfo.InvariantCulture)));

    private static void AddLatency(Table table, string stage, LatencySummary latency)
    {
        table.AddRow(
            new Text(stage),
            new Text(latency.Count.ToString(CultureInfo.InvariantCulture)),
            new Text(Milliseconds(latency.P50)),
            new Text(Milliseconds(latency.P95)),
            new Text(Milliseconds(latency.P99)),
            new Text(Milliseconds(latency.Max)));
    }

    private static string Milliseconds(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static void WriteMore(IAnsiConsole console, int total, string itemName)
    {
        if (total > MaxListedItems)
        {
            console.WriteLine(
                $"  ... and {total - MaxListedItems} more {itemName}. The file named by {SummaryFileWriter.PathVariable} lists them all.");
        }
    }
}
