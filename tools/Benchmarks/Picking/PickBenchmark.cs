using System.Diagnostics;
using Dovetail.Benchmarks.Hosting;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Lookup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dovetail.Benchmarks.Picking;

/// <summary>
/// Measures the managed memory that <see cref="GazetteerClient"/> needs to pick one item from a large JSON array,
/// with the stand-in in a separate process so that only the client's allocations are in this one.
/// </summary>
internal static class PickBenchmark
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(2);
    private static readonly PlaceQuery WarmUpQuery = new("Vaduz", "LI", null);

    public static async Task<IReadOnlyList<PickMeasurement>> RunAsync(
        GazetteerProcess gazetteer, long syntheticItems, CancellationToken cancellationToken)
    {
        var measurements = new List<PickMeasurement>();
        foreach (var pickCase in PickCase.All(syntheticItems))
        {
            Console.WriteLine($"pick: measuring '{pickCase.Name}': {pickCase.Description} ({MachineLoad.Describe()}) ...");
            var measurement = await MeasureAsync(gazetteer, pickCase, cancellationToken);
            measurements.Add(measurement);
            PickReport.WriteLine(measurement);
        }

        return measurements;
    }

    private static async Task<PickMeasurement> MeasureAsync(
        GazetteerProcess gazetteer, PickCase pickCase, CancellationToken cancellationToken)
    {
        await using var services = BuildServices(gazetteer.BaseAddress, pickCase);
        var client = services.GetRequiredService<GazetteerClient>();

        // A small call first, without synthetic items, so that JIT compilation, the connection and the serializer's
        // metadata are in place before the baseline is taken.
        await gazetteer.SetSyntheticItemsAsync(null, cancellationToken);
        var warmUp = await client.FetchAsync(WarmUpQuery, "benchmark-warm-up", cancellationToken);
        if (!warmUp.IsSuccess)
        {
            throw new BenchmarkSetupException(
                $"The warm-up lookup failed with '{warmUp.FailureReason}' (status {warmUp.StatusCode}).");
        }

        await gazetteer.SetSyntheticItemsAsync(pickCase.SyntheticItems, cancellationToken);

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        using var process = Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;

        using var sampler = new MemorySampler(SampleInterval);
        sampler.Start();
        var stopwatch = Stopwatch.StartNew();
        var result = await client.FetchAsync(pickCase.Query, $"benchmark-{pickCase.Name}", cancellationToken);
        stopwatch.Stop();
        sampler.Stop();

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var matched = result.Place is { } place
            && string.Equals(place.Name, pickCase.Query.Name, StringComparison.Ordinal);
        return new PickMeasurement(
            pickCase,
            result.Place is null ? result.FailureReason ?? "no match" : $"{result.Place.Name} ({result.Place.Country})",
            matched,
            result.BytesRead,
            stopwatch.Elapsed,
            baseline,
            sampler.PeakTotalMemory,
            sampler.PeakCommittedBytes,
            allocated,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            workingSetBefore,
            process.PeakWorkingSet64,
            sampler.Samples);
    }

    private static ServiceProvider BuildServices(Uri baseAddress, PickCase pickCase)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Lookup:BaseAddress"] = baseAddress.ToString(),
                ["Lookup:MaxResponseBytes"] = pickCase.MaxResponseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Lookup:CallTimeout"] = "00:10:00",
            })
            .Build();

        // No logging provider is added: the client's log calls stay in place but write nowhere.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDovetailLookup(configuration);
        if (pickCase.Unfiltered)
        {
            services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new UnfilteredRequestHandler()));
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
