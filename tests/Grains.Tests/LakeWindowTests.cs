using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.Buffer;

namespace Dovetail.Grains.Tests;

/// <summary>
/// Window boundaries of the batching grains, driven by a fake clock. Each test sends events on its own partition's
/// stream, and advancing the clock past a window's end makes the next event close that window.
/// </summary>
public sealed class LakeWindowTests(FakeClockLakeFixture fixture) : IClassFixture<FakeClockLakeFixture>
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EventsOfOneWindow_ShareOneObject()
    {
        const int partition = 1;
        var window = LakeObjectName.WindowStart(fixture.Clock.GetUtcNow(), Window);
        await SendAsync(partition, "w1-a", fixture.Clock.GetUtcNow());
        await SendAsync(partition, "w1-b", fixture.Clock.GetUtcNow());
        await WaitForBufferedAsync(partition, 2);

        fixture.Clock.Advance(Window);
        await SendAsync(partition, "w1-c", fixture.Clock.GetUtcNow());
        var records = await WaitForRecordsAsync(partition, ["w1-a", "w1-b"]);

        Assert.Equal([LakeObjectName.ObjectPath(partition, window, 1)], records.Select(record => record.ObjectPath).Distinct());
        Assert.Equal(["w1-a:1", "w1-b:1"], records.Select(record => record.EventId));
        Assert.DoesNotContain(LakeReader.Records(fixture.LakeRoot), record => record.SubmissionId == "w1-c");
    }

    [Fact]
    public async Task LateEvent_GoesToOpenWindowOnce()
    {
        const int partition = 2;
        var first = LakeObjectName.WindowStart(fixture.Clock.GetUtcNow(), Window);
        var occurredInFirst = fixture.Clock.GetUtcNow();
        await SendAsync(partition, "late-a", occurredInFirst);
        await WaitForBufferedAsync(partition, 1);

        fixture.Clock.Advance(Window);
        await SendAsync(partition, "late-b", occurredInFirst);
        await WaitForRecordsAsync(partition, ["late-a"]);
        await fixture.Grains.GetGrain<IChangeBatchGrain>(partition).FlushAsync();
        var records = await WaitForRecordsAsync(partition, ["late-a", "late-b"]);

        Assert.Equal(LakeObjectName.ObjectPath(partition, first, 1), records.Single(record => record.SubmissionId == "late-a").ObjectPath);
        Assert.Equal(LakeObjectName.ObjectPath(partition, first + Window, 1), records.Single(record => record.SubmissionId == "late-b").ObjectPath);
    }

    [Fact]
    public async Task WindowAfterGap_StartsOnIntervalMultiple()
    {
        const int partition = 3;
        await SendAsync(partition, "gap-a", fixture.Clock.GetUtcNow());
        await WaitForBufferedAsync(partition, 1);

        fixture.Clock.Advance(Window * 2.5);
        var reopened = fixture.Clock.GetUtcNow();
        await SendAsync(partition, "gap-b", reopened);
        await WaitForRecordsAsync(partition, ["gap-a"]);
        await fixture.Grains.GetGrain<IChangeBatchGrain>(partition).FlushAsync();
        var records = await WaitForRecordsAsync(partition, ["gap-a", "gap-b"]);

        var expectedStart = new DateTimeOffset(reopened.UtcTicks - reopened.UtcTicks % Window.Ticks, TimeSpan.Zero);
        Assert.Equal(LakeObjectName.ObjectPath(partition, expectedStart, 1), records.Single(record => record.SubmissionId == "gap-b").ObjectPath);
        Assert.Equal(TimeSpan.Zero, TimeSpan.FromTicks(expectedStart.UtcTicks % Window.Ticks));
    }

    [Fact]
    public async Task FlushThenSameWindow_AddsSecondObject()
    {
        const int partition = 4;
        var window = LakeObjectName.WindowStart(fixture.Clock.GetUtcNow(), Window);
        await SendAsync(partition, "flush-a", fixture.Clock.GetUtcNow());
        await WaitForBufferedAsync(partition, 1);
        await fixture.Grains.GetGrain<IChangeBatchGrain>(partition).FlushAsync();

        await SendAsync(partition, "flush-b", fixture.Clock.GetUtcNow());
        await WaitForBufferedAsync(partition, 1);
        await fixture.Grains.GetGrain<IChangeBatchGrain>(partition).FlushAsync();
        var records = await WaitForRecordsAsync(partition, ["flush-a", "flush-b"]);

        Assert.Equal(LakeObjectName.ObjectPath(partition, window, 1), records.Single(record => record.SubmissionId == "flush-a").ObjectPath);
        Assert.Equal(LakeObjectName.ObjectPath(partition, window, 2), records.Single(record => record.SubmissionId == "flush-b").ObjectPath);
    }

    private async Task SendAsync(int partition, string submissionId, DateTimeOffset occurredAt)
    {
        var stream = fixture.Cluster.Client.GetStreamProvider(ChangeStreams.ProviderName)
            .GetStream<SubmissionChanged>(StreamId.Create(ChangeStreams.Namespace, partition));
        await stream.OnNextAsync(new SubmissionChanged(
            SubmissionChanged.EventIdOf(submissionId, 1), submissionId, 1, SubmissionStatus.Accepted, occurredAt, "created",
            Submissions.ClientId, $"c-{submissionId}", null, $$"""{"id":"{{submissionId}}"}"""));
    }

    // Publishing on a stream returns before the event is delivered, so the clock moves only once the batching grain
    // has buffered what the test sent.
    private Task<ChangeBufferStatus> WaitForBufferedAsync(int partition, int count) =>
        Polling.UntilAsync(
            () => SharedChangeBuffers.For(fixture.ServiceId).ReadStatusAsync(partition, TestContext.Current.CancellationToken),
            status => status.Count == count,
            Bound);

    private Task<List<LakeReader.Record>> WaitForRecordsAsync(int partition, string[] submissionIds) =>
        Polling.UntilAsync(
            () => Task.FromResult(LakeReader.Records(fixture.LakeRoot)
                .Where(record => record.ObjectPath.Contains($"/p{partition:D3}-", StringComparison.Ordinal))
                .ToList()),
            found => submissionIds.All(id => found.Any(record => record.SubmissionId == id)),
            Bound);
}
