using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Lake;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Tests;

public sealed class LakeStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"dovetail-lake-store-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void WindowStart_IsFixedMultipleOfInterval()
    {
        var window = TimeSpan.FromMinutes(5);

        var start = LakeObjectName.WindowStart(new DateTimeOffset(2026, 12, 4, 17, 13, 59, TimeSpan.Zero), window);
        var late = LakeObjectName.WindowStart(new DateTimeOffset(2026, 12, 4, 17, 14, 59, 999, TimeSpan.Zero), window);
        var next = LakeObjectName.WindowStart(new DateTimeOffset(2026, 12, 4, 17, 15, 0, TimeSpan.Zero), window);

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 17, 10, 0, TimeSpan.Zero), start);
        Assert.Equal(start, late);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 17, 15, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void ObjectPath_IsDeterministicUnderDateAndHour()
    {
        var path = LakeObjectName.ObjectPath(3, new DateTimeOffset(2026, 12, 4, 17, 5, 0, TimeSpan.Zero), 1);

        Assert.Equal("changes/date=2026-12-04/hour=17/p003-20261204T170500Z-0001.parquet", path);
        Assert.Equal("manifests/date=2026-12-04/hour=17/p003-20261204T170500Z-0001.manifest.json", LakeObjectName.ManifestPath(path));
    }

    [Fact]
    public async Task Publish_WritesObjectAndManifest()
    {
        var store = NewStore();
        var batch = new LakeBatch(1, WindowStart, 1, [Change("a", 1), Change("a", 2), Change("b", 1)]);

        var manifest = await store.PublishAsync(batch, TestContext.Current.CancellationToken);
        var records = LakeReader.Records(_root);

        Assert.Equal(3, manifest.Records);
        Assert.Equal("a:1", manifest.FirstEventId);
        Assert.Equal("b:1", manifest.LastEventId);
        Assert.Equal(new FileInfo(Path.Combine(_root, manifest.ObjectPath)).Length, manifest.Bytes);
        Assert.Equal(["a:1", "a:2", "b:1"], records.Select(record => record.EventId));
    }

    [Fact]
    public async Task Publish_SamePathAgain_ReplacesObject()
    {
        var store = NewStore();
        await store.PublishAsync(new LakeBatch(1, WindowStart, 1, [Change("a", 1)]), TestContext.Current.CancellationToken);

        await store.PublishAsync(new LakeBatch(1, WindowStart, 1, [Change("a", 1), Change("a", 2)]), TestContext.Current.CancellationToken);

        Assert.Single(LakeReader.ObjectPaths(_root));
        Assert.Equal(["a:1", "a:2"], LakeReader.Records(_root).Select(record => record.EventId));
    }

    [Fact]
    public async Task Publish_FailingHalfWay_PublishesNothing()
    {
        var store = NewStore();
        var changes = new FailingList([Change("a", 1), Change("a", 2), Change("a", 3), Change("a", 4)], failAt: 2);

        await Assert.ThrowsAsync<IOException>(() => store.PublishAsync(new LakeBatch(1, WindowStart, 1, changes), TestContext.Current.CancellationToken));

        Assert.Empty(LakeReader.ObjectPaths(_root));
        Assert.Empty(Directory.Exists(_root) ? Directory.GetFiles(_root, "*", SearchOption.AllDirectories) : []);
    }

    private static DateTimeOffset WindowStart => new(2026, 12, 4, 17, 5, 0, TimeSpan.Zero);

    private LakePublisher NewStore() =>
        new(new LocalLakeStore(Options.Create(new LakeOptions { Root = _root })), TimeProvider.System);

    private static SubmissionChanged Change(string id, int version) => new(
        SubmissionChanged.EventIdOf(id, version), id, version, SubmissionStatus.Accepted, WindowStart, "created",
        Submissions.ClientId, "c-1", null, """{"id":"x"}""");

    /// <summary>A list whose enumeration fails with an I/O error at one index, as a disk failing mid-write would.</summary>
    private sealed class FailingList(IReadOnlyList<SubmissionChanged> items, int failAt) : IReadOnlyList<SubmissionChanged>
    {
        public int Count => items.Count;

        public SubmissionChanged this[int index] => items[index];

        public IEnumerator<SubmissionChanged> GetEnumerator()
        {
            for (var index = 0; index < items.Count; index++)
            {
                if (index == failAt)
                {
                    throw new IOException("Simulated failure while writing the object.");
                }

                yield return items[index];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
