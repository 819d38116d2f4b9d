using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Hosting;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.Buffer;
using Dovetail.Grains.Lake.Queries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Xunit;

namespace Dovetail.Lake.Tests;

/// <summary>
/// A silo configured with <c>Lake:S3</c> publishes change events to s3rver: the object, its manifest and its query
/// result all land in the bucket.
/// </summary>
public sealed class S3LakePipelineTests(S3rverFixture s3rver)
{
    private const int Partition = 0;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SiloWithS3Lake_PublishesObjectAndResult()
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = S3rverFixture.FreshPrefix();
        var builder = new TestClusterBuilder(1);
        foreach (var (key, value) in Settings(prefix))
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync(ct);
        var stream = cluster.Client.GetStreamProvider(ChangeStreams.ProviderName)
            .GetStream<SubmissionChanged>(StreamId.Create(ChangeStreams.Namespace, Partition));
        var ids = new[] { "s3-a", "s3-b", "s3-c" };
        foreach (var id in ids)
        {
            await stream.OnNextAsync(new SubmissionChanged(
                SubmissionChanged.EventIdOf(id, 1), id, 1, SubmissionStatus.Accepted, DateTimeOffset.UtcNow, "created",
                "client-1", $"c-{id}", null, $$"""{"id":"{{id}}"}"""));
        }

        // Publishing on a stream returns before delivery, so the flush waits until the grain has buffered all three
        // events. The window is long, so nothing else publishes them into a second object.
        var buffer = cluster.Silos.OfType<InProcessSiloHandle>().Single().ServiceProvider.GetRequiredService<IChangeBuffer>();
        await UntilAsync(async () => (await buffer.ReadStatusAsync(Partition, ct)).Count == ids.Length ? "buffered" : null);
        await cluster.Client.GetGrain<IChangeBatchGrain>(Partition).FlushAsync();
        ILakeStore store = s3rver.CreateStore(prefix);
        var objectPath = (await ListAsync(store, LakeQueryPaths.ObjectPrefix, ct)).Single();
        var resultPath = LakeQueryPaths.ResultPath(objectPath);
        await UntilAsync(async () => (await ListAsync(store, resultPath, ct)).SingleOrDefault());
        var manifest = await new LakePublisher(store, TimeProvider.System).ReadManifestAsync(LakeObjectName.ManifestPath(objectPath), ct);
        using var result = JsonDocument.Parse(await ReadBytesAsync(store, resultPath, ct));
        var objectBytes = await ReadBytesAsync(store, objectPath, ct);

        Assert.Equal(ids.Select(id => $"{id}:1"), (await ReadEventIdsAsync(store, objectPath, ct)).Order(StringComparer.Ordinal));
        Assert.NotNull(manifest);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(objectBytes)), manifest.Sha256);
        Assert.Equal(ids.Length, result.RootElement.GetProperty("records").GetInt32());
        Assert.Equal(manifest.Sha256, result.RootElement.GetProperty("objectSha256").GetString());
    }

    private Dictionary<string, string> Settings(string prefix)
    {
        var options = s3rver.CreateOptions(prefix);
        return new Dictionary<string, string>
        {
            ["Lake:S3:Bucket"] = options.Bucket,
            ["Lake:S3:Prefix"] = options.Prefix,
            ["Lake:S3:ServiceUrl"] = options.ServiceUrl!,
            ["Lake:S3:ForcePathStyle"] = "true",
            ["Lake:S3:AccessKey"] = options.AccessKey!,
            ["Lake:S3:SecretKey"] = options.SecretKey!,
            ["Lake:S3:UseChunkEncoding"] = "false",
            ["Lake:S3:ChecksumWhenRequired"] = "true",
            ["Lake:Window"] = "00:05:00",
            ["Lake:Query:RetryDelay"] = "00:00:00.100",
            ["Changes:Partitions"] = "1",
        };
    }

    private static async Task<List<string>> ListAsync(ILakeStore store, string prefix, CancellationToken ct)
    {
        var paths = new List<string>();
        await foreach (var path in store.ListAsync(prefix, ct))
        {
            paths.Add(path);
        }

        return paths;
    }

    private static async Task<byte[]> ReadBytesAsync(ILakeStore store, string path, CancellationToken ct)
    {
        await using var stream = await store.OpenReadAsync(path, ct) ?? throw new FileNotFoundException(path);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    private static async Task<List<string>> ReadEventIdsAsync(ILakeStore store, string objectPath, CancellationToken ct)
    {
        using var content = new MemoryStream(await ReadBytesAsync(store, objectPath, ct));
        var ids = (await LakeRecordReader.ReadAsync(content, ct)).Select(record => record.EventId).ToList();
        return ids;
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Nothing was found in the bucket within {Bound}."));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A local-mode silo whose lake settings come from the test cluster's properties.</summary>
    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(DovetailSiloBuilderExtensions.StorageName);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.AddLocalChangeStream();
            siloBuilder.AddDovetailGrains(siloBuilder.Configuration);
        }
    }

    /// <summary>Gives the client the change stream provider, so the test can publish change events.</summary>
    public sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(ChangeStreams.ProviderName);
    }
}
