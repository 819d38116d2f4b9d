using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Dovetail.Grains.Lake.S3;
using Xunit;

namespace Dovetail.Lake.Tests;

public sealed class S3LakeStoreTests(S3rverFixture s3rver)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutAsync_BinaryObject_ReadsBackSameBytes()
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix());

        // Larger than the SDK's 64 KiB upload chunks, so any chunk framing stored in the object changes the hash.
        var bytes = TestStreams.RandomBytes(1_048_583);
        using (var content = new MemoryStream(bytes))
        {
            await store.PutAsync("changes/a.bin", content, Cancellation);
        }

        await using var stream = await store.OpenReadAsync("changes/a.bin", Cancellation);
        Assert.NotNull(stream);
        var read = await TestStreams.ReadAllAsync(stream, Cancellation);
        Assert.Equal(bytes.Length, read.Length);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)), Convert.ToHexString(SHA256.HashData(read)));
    }

    [Fact]
    public async Task PutAsync_StreamThatCannotSeek_ReadsBackSameBytes()
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix());
        var bytes = TestStreams.RandomBytes(200_003);

        await using (var content = new ForwardOnlyStream(bytes))
        {
            await store.PutAsync("changes/forward.bin", content, Cancellation);
        }

        await using var stream = await store.OpenReadAsync("changes/forward.bin", Cancellation);
        Assert.NotNull(stream);
        Assert.Equal(bytes, await TestStreams.ReadAllAsync(stream, Cancellation));
    }

    [Fact]
    public async Task PutAsync_ExistingObject_ReplacesIt()
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix());
        await PutTextAsync(store, "manifests/m.json", "first version, longer than the second");

        await PutTextAsync(store, "manifests/m.json", "second");

        Assert.Equal("second", await ReadTextAsync(store, "manifests/m.json"));
    }

    [Fact]
    public async Task PutAsync_StreamFailsMidway_ThrowsAndKeepsOldObject()
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix());
        await PutTextAsync(store, "changes/a.ndjson.gz", "old");

        await using var failing = new FailingStream(length: 300_000, failAfter: 100_000);
        var exception = await Record.ExceptionAsync(() => store.PutAsync("changes/a.ndjson.gz", failing, Cancellation));

        Assert.IsType<InvalidDataException>(exception);
        Assert.Equal("old", await ReadTextAsync(store, "changes/a.ndjson.gz"));
    }

    [Fact]
    public async Task PutAsync_StreamFailsMidway_LeavesNoNewObject()
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix());

        await using var failing = new FailingStream(length: 300_000, failAfter: 100_000);
        var exception = await Record.ExceptionAsync(() => store.PutAsync("changes/b.ndjson.gz", failing, Cancellation));

        Assert.IsType<InvalidDataException>(exception);
        Assert.Null(await store.OpenReadAsync("changes/b.ndjson.gz", Cancellation));
    }

    [Fact]
    public async Task PutAsync_MissingBucket_ThrowsAndLeavesNoObject()
    {
        var prefix = S3rverFixture.FreshPrefix();
        var store = s3rver.CreateStore(prefix, bucket: "no-such-bucket");

        var exception = await Assert.ThrowsAsync<AmazonS3Exception>(() => PutTextAsync(store, "changes/a.ndjson.gz", "lost"));

        Assert.Equal("NoSuchBucket", exception.ErrorCode);
        Assert.Null(await s3rver.CreateStore(prefix).OpenReadAsync("changes/a.ndjson.gz", Cancellation));
    }

    [Fact]
    public async Task OpenReadAsync_MissingObject_ReturnsNull()
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix());

        var stream = await store.OpenReadAsync("changes/missing.ndjson.gz", Cancellation);

        Assert.Null(stream);
    }

    [Fact]
    public async Task OpenReadAsync_MissingBucket_Throws()
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix(), bucket: "no-such-bucket");

        var exception = await Assert.ThrowsAsync<AmazonS3Exception>(() => store.OpenReadAsync("changes/a.ndjson.gz", Cancellation));

        Assert.Equal("NoSuchBucket", exception.ErrorCode);
    }

    [Fact]
    public async Task DeleteAsync_ExistingObject_RemovesIt()
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix());
        await PutTextAsync(store, "changes/a.ndjson.gz", "content");

        await store.DeleteAsync("changes/a.ndjson.gz", Cancellation);

        Assert.Null(await store.OpenReadAsync("changes/a.ndjson.gz", Cancellation));
    }

    [Fact]
    public async Task DeleteAsync_MissingObject_DoesNotThrow()
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix());

        var exception = await Record.ExceptionAsync(() => store.DeleteAsync("changes/missing.ndjson.gz", Cancellation));

        Assert.Null(exception);
    }

    [Fact]
    public async Task ListAsync_MoreThanOnePage_ReturnsAllInOrdinalOrder()
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix());

        // S3 returns at most 1,000 keys per ListObjectsV2 page, so 1,050 objects need a second page. The names are
        // written in an order unrelated to their sort order.
        var paths = Enumerable.Range(0, 1_050)
            .Select(i => $"changes/date=2026-12-04/p{(i * 7919) % 1_050:D4}.ndjson.gz")
            .ToList();
        await Parallel.ForEachAsync(
            paths,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancellation },
            async (path, cancellationToken) =>
            {
                using var content = new MemoryStream([1]);
                await store.PutAsync(path, content, cancellationToken);
            });
        await PutTextAsync(store, "manifests/date=2026-12-04/p0000.manifest.json", "{}");

        var listed = await store.ListAsync("changes/", Cancellation).ToListAsync(Cancellation);

        Assert.Equal(paths.Order(StringComparer.Ordinal).ToList(), listed);
    }

    [Fact]
    public async Task ListAsync_PrefixInsideName_ReturnsOnlyMatches()
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix());
        foreach (var path in new[] { "changes/p001-a", "changes/p002-a", "changes/p001-b", "manifests/p001-a" })
        {
            await PutTextAsync(store, path, path);
        }

        var listed = await store.ListAsync("changes/p001", Cancellation).ToListAsync(Cancellation);

        Assert.Equal(["changes/p001-a", "changes/p001-b"], listed);
    }

    [Fact]
    public async Task Prefix_KeepsStoresApart()
    {
        var prefix = S3rverFixture.FreshPrefix();
        var store = s3rver.CreateStore(prefix);
        var other = s3rver.CreateStore(S3rverFixture.FreshPrefix());

        await PutTextAsync(store, "changes/a.ndjson.gz", "content");

        Assert.Null(await other.OpenReadAsync("changes/a.ndjson.gz", Cancellation));
        Assert.Empty(await other.ListAsync("", Cancellation).ToListAsync(Cancellation));
    }

    [Fact]
    public async Task Prefix_IsStartOfObjectKey()
    {
        var prefix = S3rverFixture.FreshPrefix();
        var store = s3rver.CreateStore(prefix);

        await PutTextAsync(store, "changes/a.ndjson.gz", "content");

        var keys = await s3rver.Client.ListObjectsV2Async(
            new() { BucketName = S3rverFixture.Bucket, Prefix = prefix }, Cancellation);
        Assert.Equal([prefix + "changes/a.ndjson.gz"], keys.S3Objects.Select(item => item.Key));
    }

    [Fact]
    public async Task Prefix_WithoutSlash_GetsOne()
    {
        var prefix = S3rverFixture.FreshPrefix().TrimEnd('/');
        var store = s3rver.CreateStore(prefix);

        await PutTextAsync(store, "changes/a.ndjson.gz", "content");

        Assert.Equal($"s3://{S3rverFixture.Bucket}/{prefix}/", store.Location);
        Assert.Equal("content", await ReadTextAsync(s3rver.CreateStore(prefix + "/"), "changes/a.ndjson.gz"));
    }

    [Theory]
    [InlineData("/changes/a")]
    [InlineData("changes/../../other/a")]
    [InlineData("changes//a")]
    [InlineData("")]
    public async Task PutAsync_InvalidPath_Throws(string path)
    {
        var store = s3rver.CreateStore(S3rverFixture.FreshPrefix());

        await Assert.ThrowsAsync<ArgumentException>(() => PutTextAsync(store, path, "content"));
    }

    private static async Task PutTextAsync(S3LakeStore store, string path, string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await store.PutAsync(path, content, Cancellation);
    }

    private static async Task<string?> ReadTextAsync(S3LakeStore store, string path)
    {
        await using var stream = await store.OpenReadAsync(path, Cancellation);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Cancellation);
    }
}
