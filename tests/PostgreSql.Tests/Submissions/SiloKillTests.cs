using Dovetail.Gazetteer;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Lookup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Messaging;
using Orleans.TestingHost;
using Xunit;

namespace Dovetail.PostgreSql.Tests.Submissions;

[Collection(SubmissionClusterCollection.Name)]
public sealed class SiloKillTests(SiloKillFixture fixture) : IClassFixture<SiloKillFixture>
{
    // Distinct places, so that no response is served from a worker's cache and the queries spread over the workers.
    private static readonly (string Name, string Country)[] Places =
    [
        ("Zürich", "CH"), ("Genève", "CH"), ("Basel", "CH"), ("Lausanne", "CH"),
        ("Wien", "AT"), ("Graz", "AT"), ("Linz", "AT"), ("Salzburg", "AT"),
        ("München", "DE"), ("Hamburg", "DE"), ("Köln", "DE"), ("Bremen", "DE"),
    ];

    private static readonly TimeSpan CompletionBound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KilledSilo_DuringEnrichment_LosesNothing()
    {
        var ct = TestContext.Current.CancellationToken;

        // Every lookup now waits in the stand-in long enough for the silo to die while it is in flight, even when a
        // busy machine takes several seconds to create the submissions.
        fixture.Gazetteer.SetFaults(new GazetteerFaults { LatencyMs = 20_000 });
        var accepted = new List<ISubmissionGrain>();
        foreach (var (name, country) in Places)
        {
            var grain = fixture.Grains.GetGrain<ISubmissionGrain>(SubmissionCommands.NewId());
            var created = await grain.CreateAsync(SubmissionCommands.Create(name, country));
            var stored = await grain.AddDataAsync(SubmissionCommands.AddData($$"""{"place":"{{name}}"}"""));
            if (created.Outcome == CreateSubmissionOutcome.Created && stored.Outcome == AddDataOutcome.Stored)
            {
                accepted.Add(grain);
            }
        }

        await Polling.UntilAsync(
            () => Task.FromResult(fixture.Gazetteer.Requests.Count), count => count > 0, TimeSpan.FromSeconds(30));
        var victim = await ChooseSiloHostingWorkersAsync();
        var workersOnVictim = await CountWorkersOnAsync(victim.SiloAddress);
        var pendingWhenKilled = await CountPendingAsync(accepted);
        await fixture.Cluster.KillSiloAsync(victim, ct);
        fixture.Gazetteer.ResetFaults();

        var views = await Polling.UntilAsync(
            () => ReadAllAfterKillAsync(accepted),
            all => all.All(view => view is { Status: SubmissionStatus.Completed }),
            CompletionBound);
        var lookupsSent = fixture.Gazetteer.Requests.Count;

        Assert.Equal(Places.Length, accepted.Count);
        Assert.True(workersOnVictim > 0, "The killed silo hosted no lookup worker, so nothing was lost with it.");
        Assert.True(pendingWhenKilled > 0, "Every lookup had finished before the silo was killed.");

        // Each place is requested once unless a lookup lost with the killed silo was dispatched again.
        Assert.True(
            lookupsSent > Places.Length,
            $"No lookup was sent again: {lookupsSent} requests for {Places.Length} places.");
        Assert.All(views, view => Assert.Equal(SubmissionStatus.Completed, view!.Status));
        Assert.All(views, view => Assert.Contains("\"result\"", view!.Json, StringComparison.Ordinal));
    }

    // A secondary silo is chosen when it hosts a worker, and the primary only when it alone hosts workers.
    private async Task<SiloHandle> ChooseSiloHostingWorkersAsync()
    {
        var primary = fixture.Cluster.Primary;
        var silos = fixture.Cluster.Silos.Where(silo => silo != primary).ToList();
        if (primary is not null)
        {
            silos.Add(primary);
        }

        foreach (var silo in silos)
        {
            if (await CountWorkersOnAsync(silo.SiloAddress) > 0)
            {
                return silo;
            }
        }

        return silos[^1];
    }

    private async Task<int> CountWorkersOnAsync(SiloAddress silo)
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var count = 0;
        for (var key = 0; key < WorkerCount; key++)
        {
            var host = await management.GetActivationAddress(fixture.Grains.GetGrain<IPlaceLookupGrain>(key));
            if (silo.Equals(host))
            {
                count++;
            }
        }

        return count;
    }

    private int WorkerCount
    {
        get
        {
            var silo = fixture.Cluster.Silos.OfType<InProcessSiloHandle>().First(silo => silo.IsActive);
            return silo.ServiceProvider.GetRequiredService<IOptions<LookupOptions>>().Value.MaxConcurrency;
        }
    }

    private static async Task<int> CountPendingAsync(IEnumerable<ISubmissionGrain> grains)
    {
        var views = await ReadAllAsync(grains);
        return views.Count(view => view is { Status: SubmissionStatus.AwaitingEnrichment });
    }

    // Until the client learns that the killed silo's gateway is gone, a call may still be routed through it and fail
    // to connect. The poll then reads again instead of failing the test on a gap that every client has.
    private static async Task<SubmissionView?[]> ReadAllAfterKillAsync(List<ISubmissionGrain> grains)
    {
        try
        {
            return await ReadAllAsync(grains);
        }
        catch (Exception exception) when (exception is ConnectionFailedException or SiloUnavailableException)
        {
            return new SubmissionView?[grains.Count];
        }
    }

    private static async Task<SubmissionView?[]> ReadAllAsync(IEnumerable<ISubmissionGrain> grains) =>
        await Task.WhenAll(grains.Select(grain => grain.GetAsync(SubmissionCommands.ClientId)));
}
