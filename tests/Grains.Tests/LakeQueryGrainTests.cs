using Dovetail.Grains.Abstractions.Lake;
using Dovetail.Grains.Hosting;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.Queries;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace Dovetail.Grains.Tests;

/// <summary>
/// A one-silo test cluster whose silo also registers the lake query step, with its own lake folder.
/// </summary>
public sealed class LakeQueryClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public string LakeRoot { get; } = Path.Combine(Path.GetTempPath(), $"dovetail-lake-query-cluster-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties["Lake:Root"] = LakeRoot;
        builder.Properties["Lake:Query:MaxAttempts"] = "2";
        builder.Properties["Lake:Query:RetryDelay"] = "00:00:00.010";
        builder.AddSiloBuilderConfigurator<LakeQuerySiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Directory.Exists(LakeRoot))
        {
            Directory.Delete(LakeRoot, recursive: true);
        }
    }
}

public sealed class LakeQuerySiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorage(DovetailSiloBuilderExtensions.StorageName);
        siloBuilder.UseInMemoryReminderService();
        siloBuilder.AddLocalChangeStream();
        siloBuilder.AddDovetailGrains(siloBuilder.Configuration);
        siloBuilder.Services.AddDovetailLakeQueries(siloBuilder.Configuration);
    }
}

public sealed class LakeQueryGrainTests(LakeQueryClusterFixture fixture) : IClassFixture<LakeQueryClusterFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_NewObject_StoresResult()
    {
        var manifest = await PublishAsync(partition: 11, LakeQueryTestData.Batch());

        var outcome = await Grain(manifest.ObjectPath).RunAsync();

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(1, outcome.Attempts);
        Assert.True(File.Exists(Path.Combine(fixture.LakeRoot, outcome.ResultPath)));
    }

    [Fact]
    public async Task Run_ResultMatchesManifest_SkipsQuery()
    {
        var manifest = await PublishAsync(partition: 12, LakeQueryTestData.Batch());
        await Grain(manifest.ObjectPath).RunAsync();

        var again = await Grain(manifest.ObjectPath).RunAsync();

        Assert.True(again.Succeeded);
        Assert.Equal(0, again.Attempts);
    }

    [Fact]
    public async Task Run_ObjectPublishedAgain_QueriesNewBytes()
    {
        var manifest = await PublishAsync(partition: 13, LakeQueryTestData.Batch());
        await Grain(manifest.ObjectPath).RunAsync();
        var republished = await PublishAsync(partition: 13, LakeQueryTestData.Batch().Take(4).ToList());

        var outcome = await Grain(manifest.ObjectPath).RunAsync();
        var result = await File.ReadAllTextAsync(Path.Combine(fixture.LakeRoot, outcome.ResultPath), Cancellation);

        Assert.Equal(1, outcome.Attempts);
        Assert.Contains(republished.Sha256, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingObject_ReturnsDeadLetter()
    {
        var objectPath = LakeObjectName.ObjectPath(14, LakeQueryTestData.WindowStart, 1);

        var outcome = await Grain(objectPath).RunAsync();

        Assert.False(outcome.Succeeded);
        Assert.Equal(LakeQueryPaths.DeadLetterPath(objectPath), outcome.ResultPath);
    }

    private ILakeQueryGrain Grain(string objectPath) => fixture.Cluster.Client.GetGrain<ILakeQueryGrain>(objectPath);

    private async Task<LakeManifest> PublishAsync(long partition, IReadOnlyList<Dovetail.Grains.Abstractions.Changes.SubmissionChanged> changes)
    {
        var store = new LocalLakeStore(Options.Create(new LakeOptions { Root = fixture.LakeRoot }));
        var publisher = new LakePublisher(store, TimeProvider.System);
        return await publisher.PublishAsync(new LakeBatch(partition, LakeQueryTestData.WindowStart, 1, changes), Cancellation);
    }
}
