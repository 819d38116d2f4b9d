using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Tests;
using Dovetail.PostgreSql.Tests.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime.Messaging;
using Orleans.Streams;
using Orleans.TestingHost;
using Xunit;

namespace Dovetail.PostgreSql.Tests.Lake;

/// <summary>
/// Nothing committed is lost on the way to the lake: several silos, a steady flow of submissions, the silo that
/// pulls a stream queue killed half way, and one lake write failing half way through an object.
/// </summary>
[Collection(SubmissionClusterCollection.Name)]
public sealed class LakeDeliveryTests(LakeDeliveryFixture fixture) : IClassFixture<LakeDeliveryFixture>
{
    private const int SubmissionCount = 500;
    private const int Senders = 8;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private static readonly (string Name, string Country)[] Places =
    [
        ("Zürich", "CH"), ("Genève", "CH"), ("Wien", "AT"), ("Graz", "AT"), ("München", "DE"), ("Köln", "DE"),
    ];

    [Fact]
    public async Task KilledSiloAndFailedWrite_LoseNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var ids = Enumerable.Range(0, SubmissionCount).Select(_ => SubmissionCommands.NewId()).ToArray();
        var victim = await ChooseQueueOwnerAsync();

        var next = -1;
        var killed = false;
        var killGate = new SemaphoreSlim(1, 1);
        async Task SendAsync()
        {
            while (Interlocked.Increment(ref next) is var index && index < SubmissionCount)
            {
                if (index >= SubmissionCount / 2 && !killed)
                {
                    await killGate.WaitAsync(ct);
                    try
                    {
                        if (!killed)
                        {
                            await fixture.Cluster.KillSiloAsync(victim, ct);
                            killed = true;
                        }
                    }
                    finally
                    {
                        killGate.Release();
                    }
                }

                await SubmitAsync(ids[index], Places[index % Places.Length]);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => SendAsync()));
        var timelines = await Polling.UntilAsync(
            () => ReadTimelinesAsync(ids),
            found => found.All(timeline => timeline is not null && timeline[^1].Status == SubmissionStatus.Completed),
            Bound);
        var expected = ids.Zip(timelines)
            .SelectMany(pair => pair.Second!.Select(transition => SubmissionChanged.EventIdOf(pair.First, transition.Version)))
            .ToHashSet(StringComparer.Ordinal);
        var records = await Polling.UntilAsync(
            async () =>
            {
                await FlushAllAsync();
                return LakeReader.Records(fixture.LakeRoot);
            },
            found => expected.IsSubsetOf(found.Select(record => record.EventId)),
            Bound);
        var failedPath = HalfWayFailingLakeStore.FailedPath(fixture.ServiceId);
        var published = LakeReader.ObjectPaths(fixture.LakeRoot);
        var files = Directory.GetFiles(fixture.LakeRoot, "*", SearchOption.AllDirectories);

        Assert.True(killed);
        Assert.NotNull(failedPath);
        Assert.Contains(failedPath, published);
        Assert.Equal(expected.Count, records.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), records.Select(record => record.EventId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(files, file => file.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Equal(published.Count, files.Count(file => file.EndsWith(".parquet", StringComparison.Ordinal)));
    }

    // A create or second request sent through the killed silo's gateway fails to connect. Sending it again is safe,
    // because the grain returns the stored result for the same body.
    private async Task SubmitAsync(string id, (string Name, string Country) place)
    {
        var create = SubmissionCommands.Create(place.Name, place.Country);
        var data = SubmissionCommands.AddData($$"""{"place":"{{place.Name}}"}""");
        await RetryAfterKillAsync(() => fixture.Grains.GetGrain<ISubmissionGrain>(id).CreateAsync(create));
        await RetryAfterKillAsync(() => fixture.Grains.GetGrain<ISubmissionGrain>(id).AddDataAsync(data));
    }

    private static async Task<T> RetryAfterKillAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (attempt < 20 && exception is ConnectionFailedException or SiloUnavailableException or TimeoutException)
            {
                await Task.Yield();
            }
        }
    }

    private async Task<IReadOnlyList<SubmissionTransition>?[]> ReadTimelinesAsync(string[] ids)
    {
        try
        {
            return await Task.WhenAll(ids.Select(id =>
                fixture.Grains.GetGrain<ISubmissionGrain>(id).GetTimelineAsync(SubmissionCommands.ClientId)));
        }
        catch (Exception exception) when (exception is ConnectionFailedException or SiloUnavailableException)
        {
            return new IReadOnlyList<SubmissionTransition>?[ids.Length];
        }
    }

    private async Task FlushAllAsync()
    {
        for (var partition = 0; partition < LakeDeliveryFixture.Partitions; partition++)
        {
            try
            {
                await fixture.Grains.GetGrain<IChangeBatchGrain>(partition).FlushAsync();
            }
            catch (IOException)
            {
                // The failing write surfaces here when a flush hits it; the next poll flushes again.
            }
        }
    }

    // The victim is a secondary silo whose pulling agents read at least one queue of the change stream.
    private async Task<SiloHandle> ChooseQueueOwnerAsync()
    {
        foreach (var silo in fixture.Cluster.SecondarySilos.OfType<InProcessSiloHandle>())
        {
            var provider = (IControllable)silo.ServiceProvider.GetRequiredKeyedService<IStreamProvider>(ChangeStreams.ProviderName);
            var agents = await provider.ExecuteCommand((int)PersistentStreamProviderCommand.GetNumberRunningAgents, null!);
            if (agents is int count && count > 0)
            {
                return silo;
            }
        }

        throw new InvalidOperationException("No secondary silo pulls a queue of the change stream.");
    }
}
