using System.Runtime;
using System.Runtime.InteropServices;
using Dovetail.Benchmarks;
using Dovetail.Benchmarks.Hosting;
using Dovetail.Benchmarks.Lake;
using Dovetail.Benchmarks.Picking;
using Dovetail.Benchmarks.Reading;
using Dovetail.Benchmarks.Warehouse;

// Benchmarks that print figures for two targets: the gazetteer client's memory while picking from a large array,
// and the read path's request rate next to a bare ASP.NET Core endpoint. A third, lake, prints the change pipeline's
// rate next to writing the same objects directly, and warehouse the daily load's time and memory. Neither has a
// target, so they fail only when the lake or the warehouse misses events.
// Exit status: 0 all passed, 1 a target was missed, 2 the run could not be set up.
if (args is [BenchmarkCommand.BareServer, var documentPath, .. var bareHostArguments])
{
    await BareServer.RunAsync(documentPath, bareHostArguments);
    return 0;
}

var (options, error) = BenchmarkOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(error);
    await Console.Error.WriteLineAsync(BenchmarkOptions.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    // Cancel the run instead of ending the process, so the child processes are killed on the way out.
    eventArgs.Cancel = true;
    cancellation.Cancel();
};

Console.WriteLine(
    $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, "
    + $"{Environment.ProcessorCount} logical processors, {MachineLoad.Describe()}, benchmark process GC: "
    + $"{(GCSettings.IsServerGC ? "server" : "workstation")}, latency mode {GCSettings.LatencyMode}");

try
{
    if (options.Command == BenchmarkCommand.Warehouse)
    {
        var loads = await WarehouseBenchmark.RunAsync(options.Events, cancellation.Token);
        WarehouseReport.WriteTable(options.Events, loads);
        Console.WriteLine();
        Console.WriteLine($"Finished at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {MachineLoad.Describe()}.");
        return WarehouseReport.Complete(options.Events, loads) ? 0 : 1;
    }

    if (options.Command == BenchmarkCommand.Lake)
    {
        var lake = await LakeBenchmark.RunAsync(options.Events, options.Publishers, options.MaxObjectBytes, cancellation.Token);
        LakeReport.WriteLines(lake);
        Console.WriteLine();
        Console.WriteLine($"Finished at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {MachineLoad.Describe()}.");
        return lake.Complete ? 0 : 1;
    }

    var layout = RepositoryLayout.Find();
    await using var gazetteer = await GazetteerProcess.StartAsync(layout, cancellation.Token);
    Console.WriteLine($"gazetteer stand-in started (process {gazetteer.ProcessId}) at {gazetteer.BaseAddress}");

    var passed = true;
    IReadOnlyList<PickMeasurement> picks = [];
    IReadOnlyList<GetComparison> reads = [];
    if (options.Command is BenchmarkCommand.Pick or BenchmarkCommand.All)
    {
        picks = await PickBenchmark.RunAsync(gazetteer, options.SyntheticItems, cancellation.Token);
        passed &= picks.All(pick => pick.Passed);
    }

    if (options.Command is BenchmarkCommand.Get or BenchmarkCommand.All)
    {
        var generator = await SelectGeneratorAsync(options.Generator, cancellation.Token);
        var settings = new LoadSettings(
            options.Connections,
            options.Threads,
            TimeSpan.FromSeconds(options.DurationSeconds),
            TimeSpan.FromSeconds(options.WarmUpSeconds));
        string[] hostArguments = options.LogLevel is { } level ? [$"--Logging:LogLevel:Default={level}"] : [];
        reads = await GetBenchmark.RunAsync(
            layout, gazetteer, generator, settings, options.Rounds, hostArguments, cancellation.Token);
        passed &= reads.All(read => read.Passed);
    }

    if (picks.Count > 0)
    {
        PickReport.WriteTable(picks);
    }

    if (reads.Count > 0)
    {
        GetReport.WriteTable(reads);
    }

    Console.WriteLine();
    Console.WriteLine($"Finished at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {MachineLoad.Describe()}.");
    Console.WriteLine(passed ? "All targets met." : "At least one target was missed.");
    return passed ? 0 : 1;
}
catch (BenchmarkSetupException exception)
{
    await Console.Error.WriteLineAsync($"The benchmark could not run: {exception.Message}");
    return 2;
}
catch (FileNotFoundException exception)
{
    await Console.Error.WriteLineAsync($"The benchmark could not run: {exception.Message}");
    return 2;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("The benchmark was cancelled.");
    return 2;
}

static async Task<ILoadGenerator> SelectGeneratorAsync(string? requested, CancellationToken cancellationToken)
{
    if (requested == "http")
    {
        return new HttpClientLoadGenerator();
    }

    if (await WrkLoadGenerator.FindAsync(cancellationToken) is { } wrk)
    {
        return wrk;
    }

    if (requested == "wrk")
    {
        throw new BenchmarkSetupException("wrk is not on the PATH; install it with 'apt-get install -y wrk'.");
    }

    Console.WriteLine("get: wrk is not on the PATH, so the in-process HttpClient loop generates the load.");
    return new HttpClientLoadGenerator();
}
