using System.Security.Cryptography;
using System.Text;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Lake;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Dovetail.Lake.Tests;

public sealed class S3LakePublisherTests(S3rverFixture s3rver)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishAsync_Batch_ManifestMatchesStoredObject()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 17, 6, 0, TimeSpan.Zero));
        var publisher = new LakePublisher(s3rver.CreateStore(S3rverFixture.FreshPrefix()), time);
        var windowStart = new DateTimeOffset(2026, 12, 4, 17, 5, 0, TimeSpan.Zero);
        var changes = Enumerable.Range(1, 250).Select(version => Change(windowStart, version)).ToList();
        var batch = new LakeBatch(Partition: 3, windowStart, Sequence: 1, changes);

        var published = await publisher.PublishAsync(batch, Cancellation);

        var manifest = await publisher.ReadManifestAsync(LakeObjectName.ManifestPath(batch.ObjectPath), Cancellation);
        Assert.NotNull(manifest);
        Assert.Equal(published, manifest);
        await using var stream = await publisher.Store.OpenReadAsync(batch.ObjectPath, Cancellation);
        Assert.NotNull(stream);
        var bytes = await TestStreams.ReadAllAsync(stream, Cancellation);
        Assert.Equal(manifest.Bytes, bytes.Length);
        Assert.Equal(manifest.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(manifest.Records, await CountRecordsAsync(bytes));
        Assert.Equal(changes.Count, manifest.Records);
    }

    private static SubmissionChanged Change(DateTimeOffset windowStart, int version)
    {
        var submissionId = "sub-lake-s3";
        return new SubmissionChanged(
            SubmissionChanged.EventIdOf(submissionId, version),
            submissionId,
            version,
            SubmissionStatus.Accepted,
            windowStart.AddSeconds(version),
            "created",
            "client-1",
            $"corr-{version}",
            TraceParent: null,
            DocumentJson: $$"""{"id":"{{submissionId}}","version":{{version}},"note":"naïve café ✓"}""");
    }

    private static async Task<int> CountRecordsAsync(byte[] parquet)
    {
        using var content = new MemoryStream(parquet);
        var records = await LakeRecordReader.ReadAsync(content, Cancellation);
        Assert.All(records, record => Assert.StartsWith("{", record.Document, StringComparison.Ordinal));
        return records.Count;
    }
}
