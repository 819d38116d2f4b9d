using System.Diagnostics;
using Dovetail.Demo.Hosting;
using Dovetail.Demo.Lake;
using Dovetail.Demo.Options;
using Dovetail.Demo.Places;
using Dovetail.Demo.Running;
using Dovetail.Demo.Stats;
using Dovetail.Demo.Summary;
using Dovetail.Grains.Lake.Reconcile;
using Spectre.Console;

namespace Dovetail.Demo;

/// <summary>
/// One demo run from start to exit code: services, sampling, submissions, summary.
/// </summary>
internal static class DemoRun
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    // The last window closes two seconds after the last commit, and its query follows at once.
    private static readonly TimeSpan LakeBound = TimeSpan.FromSeconds(60);

    public static async Task<int> ExecuteAsync(DemoOptions options, IAnsiConsole console)
    {
        var stopwatch = Stopwatch.StartNew();
        var runStartedAt = DateTimeOffset.UtcNow;
        using var run = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
        using var stop = new StopSignal(run);

        using var adminHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var layout = RepositoryLayout.Find();
        await using var services = options.UsesRunningApi ? null : new LocalServices(layout, adminHttp);

        try
        {
            if (services is not null)
            {
                await services.StartAsync(line => console.WriteLine(line), run.Token);
            }

            var apiUrl = services?.ApiUrl ?? options.ApiUrl!;
            var apiKey = services?.ApiKey ?? options.ApiKey!;
            var gazetteerUrl = services?.GazetteerUrl ?? options.GazetteerUrl;
            var admin = gazetteerUrl is null ? null : new GazetteerAdminClient(adminHttp, gazetteerUrl);

            var plans = await PlanAsync(layout, options, console, run.Token);
            var (before, countersError) = await ReadCountersAsync(admin, console, run.Token);

            using var apiHttp = new HttpClient { BaseAddress = apiUrl, Timeout = RequestTimeout };
            apiHttp.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            var outcomes = await SubmitAsync(new DovetailApiClient(apiHttp), plans, options.Concurrency, console, run.Token);

            // The counters and the dashboard are read without the run's token, so a timeout still yields a summary.
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var (after, countersErrorAfter) = await ReadCountersAsync(admin, console, closing.Token);
            var calls = before is not null && after is not null ? after.Since(before) : null;
            var dashboard = await HasDashboardAsync(apiHttp, console, closing.Token);

            using var lakeCheck = new CancellationTokenSource(LakeBound + TimeSpan.FromSeconds(60));
            var lake = await CheckLakeAsync(services, new DovetailApiClient(apiHttp), outcomes, console, lakeCheck.Token);
            var warehouse = await CheckWarehouseAsync(services, apiHttp, runStartedAt, console, lakeCheck.Token);
            var statistics = RunStatistics.From(outcomes);
            var sampleId = outcomes.Select(outcome => outcome.Id).FirstOrDefault(id => id is not null);
            var summary = new DemoSummary(
                options.Seed,
                options.Concurrency,
                stopwatch.Elapsed,
                statistics,
                calls,
                calls is null ? countersError ?? countersErrorAfter ?? "no --gazetteer URL given" : null,
                DemoLinks.Create(apiUrl, sampleId, dashboard, services?.ApiKeyPath),
                services?.LogPaths.ToList() ?? [],
                lake,
                warehouse);

            SummaryTable.Write(console, summary);
            await WriteSummaryFileAsync(summary, console, closing.Token);
            ReportStop(stop, run, console);
            var exitCode = summary.Succeeded && !stop.Requested ? 0 : 1;

            if (options.KeepRunning && services is not null && !stop.Requested)
            {
                console.WriteLine("The services keep running; press Ctrl-C to stop them.");
                await stop.WaitAsync();
            }

            return exitCode;
        }
        catch (DemoSetupException exception)
        {
            console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            WriteLogPaths(services, console);
            return 1;
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            ReportStop(stop, run, console);
            console.MarkupLine("[red]The run stopped before any submission was sent.[/]");
            WriteLogPaths(services, console);
            return 1;
        }
    }

    private static async Task<IReadOnlyList<SubmissionPlan>> PlanAsync(
        RepositoryLayout layout, DemoOptions options, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (!File.Exists(layout.GazetteerData))
        {
            throw new DemoSetupException(
                $"Missing {layout.GazetteerData}, which the demo samples place names from. "
                + "Fetch it with: ./scripts/fetch-gazetteer.sh");
        }

        var places = await GazetteerFile.ReadAsync(layout.GazetteerData, cancellationToken);
        var queries = PlaceSampler.Sample(places, options.Count, options.Seed);
        console.WriteLine($"Sampled {queries.Count} place names from {places.Count} places with seed {options.Seed}.");
        return SubmissionPlanner.Plan(queries, options.MaxDataDelayMs, options.Seed);
    }

    private static async Task<IReadOnlyList<SubmissionOutcome>> SubmitAsync(
        DovetailApiClient client,
        IReadOnlyList<SubmissionPlan> plans,
        int concurrency,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        // The run id keeps idempotency keys unique across runs, so a fixed seed never replays an older run's keys.
        var runId = Guid.NewGuid().ToString("N")[..12];

        // Spectre draws a live bar on a terminal and falls back to a few plain lines when output is redirected.
        return await console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                var submitted = context.AddTask("First POST accepted", maxValue: plans.Count);
                var finished = context.AddTask("Finished", maxValue: plans.Count);
                var runner = new SubmissionRunner(
                    client, runId, () => submitted.Increment(1), () => finished.Increment(1));
                return await runner.RunAllAsync(plans, concurrency, cancellationToken);
            });
    }

    // Only in local mode does the demo have the lake's path; a run against a running API leaves the check to the reconcile command.
    private static async Task<LakeReconciliation?> CheckLakeAsync(
        LocalServices? services,
        DovetailApiClient client,
        IReadOnlyList<SubmissionOutcome> outcomes,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        if (services is null)
        {
            return null;
        }

        var ids = outcomes.Select(outcome => outcome.Id).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        await File.WriteAllLinesAsync(services.SubmissionIdsPath, ids, cancellationToken);
        console.WriteLine($"Reconciling {ids.Count} submissions with the lake in {services.LakeRoot}.");
        try
        {
            var reconciliation = await LakeCheck.WaitUntilReconciledAsync(client, services.LakeRoot, ids, LakeBound, cancellationToken);
            await ReconcileCommand.WriteAsync(Console.Out, reconciliation);
            return reconciliation;
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException
            or InvalidDataException or IOException or TaskCanceledException)
        {
            console.MarkupLineInterpolated($"[red]Reconciling the lake failed: {exception.Message}[/]");
            return new LakeReconciliation(0, 0, 0, [], [], [], [$"reconcile failed: {exception.Message}"]);
        }
    }

    // The load endpoint is served by a host that runs a silo, which only the local services are known to be.
    private static async Task<WarehouseSummary?> CheckWarehouseAsync(
        LocalServices? services,
        HttpClient apiHttp,
        DateTimeOffset runStartedAt,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        if (services is null)
        {
            return null;
        }

        console.WriteLine("Loading the run's days into the warehouse and waiting for the insights dataset.");
        try
        {
            var outcome = await WarehouseCheck.LoadAndWaitAsync(apiHttp, runStartedAt, LakeBound, cancellationToken);
            return new WarehouseSummary(outcome.Rows, outcome.InsightsVersion, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException
            or System.Text.Json.JsonException or TimeoutException or TaskCanceledException)
        {
            console.MarkupLineInterpolated($"[red]Loading the warehouse failed: {exception.Message}[/]");
            return new WarehouseSummary(0, 0, exception.Message);
        }
    }

    private static async Task<(GazetteerCounters? Counters, string? Error)> ReadCountersAsync(
        GazetteerAdminClient? admin, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (admin is null)
        {
            return (null, null);
        }

        try
        {
            return (await admin.GetCountersAsync(cancellationToken), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException
            or System.Text.Json.JsonException or TaskCanceledException)
        {
            var error = $"Reading {admin.StatsUrl} failed: {exception.Message}";
            console.MarkupLineInterpolated($"[yellow]{error}[/]");
            return (null, error);
        }
    }

    private static async Task<bool> HasDashboardAsync(HttpClient apiHttp, IAnsiConsole console, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await apiHttp.GetAsync(new Uri("dashboard", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            console.MarkupLineInterpolated($"[yellow]Checking for the Orleans dashboard failed: {exception.Message}[/]");
            return false;
        }
    }

    private static async Task WriteSummaryFileAsync(DemoSummary summary, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var path = Environment.GetEnvironmentVariable(SummaryFileWriter.PathVariable);
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        await SummaryFileWriter.WriteAsync(path, summary, cancellationToken);
        console.WriteLine($"Wrote the summary to {path}.");
    }

    private static void ReportStop(StopSignal stop, CancellationTokenSource run, IAnsiConsole console)
    {
        if (stop.Requested)
        {
            console.MarkupLine("[yellow]Stopped by a signal (Ctrl-C or SIGTERM).[/]");
        }
        else if (run.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Stopped because the run reached its --timeout-s limit.[/]");
        }
    }

    private static void WriteLogPaths(LocalServices? services, IAnsiConsole console)
    {
        foreach (var log in services?.LogPaths ?? [])
        {
            console.WriteLine($"Log: {log}");
        }
    }
}
