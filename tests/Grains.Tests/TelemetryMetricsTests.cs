using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Telemetry;

namespace Dovetail.Grains.Tests;

[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryMetricsTests(TelemetryClusterFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CompletedSubmission_RecordsStageDurations()
    {
        using var recorder = new MeasurementRecorder();
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(Submissions.NewId());

        await grain.CreateAsync(Submissions.Create("Lausanne", "CH"));
        await WaitForStatusAsync(grain, SubmissionStatus.AwaitingData);
        await grain.AddDataAsync(Submissions.AddData("""{"note":"second half"}"""));
        await WaitForStatusAsync(grain, SubmissionStatus.Completed);

        var stages = recorder.Of("dovetail.submission.stage.duration");
        var enrichment = Assert.Single(stages, measurement => Equals(measurement.Tag("stage"), DovetailMetrics.EnrichmentStage));
        var completion = Assert.Single(stages, measurement => Equals(measurement.Tag("stage"), DovetailMetrics.CompletionStage));
        Assert.True(enrichment.Value >= 0, $"enrichment took {enrichment.Value} s");
        Assert.True(completion.Value >= enrichment.Value, $"completion {completion.Value} s, enrichment {enrichment.Value} s");
    }

    [Fact]
    public async Task Lookup_RecordsCallWaitAndQueueLength()
    {
        using var recorder = new MeasurementRecorder();
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(Submissions.NewId());

        await grain.CreateAsync(Submissions.Create("Lugano", "CH"));
        await WaitForStatusAsync(grain, SubmissionStatus.AwaitingData);

        var call = Assert.Single(recorder.Of("dovetail.lookup.calls"));
        Assert.Equal("matched", call.Tag("outcome"));
        Assert.Equal(1, call.Value);
        var wait = Assert.Single(recorder.Of("dovetail.lookup.throttle.wait"));
        Assert.True(wait.Value >= 0, $"waited {wait.Value} s");
        Assert.Contains(recorder.Of("dovetail.lookup.queue.length"), measurement => measurement.Value == 1);
        Assert.Empty(recorder.Of("dovetail.lookup.retries"));
    }

    [Fact]
    public async Task CircuitGauge_ReportsClosedAfterGateCall()
    {
        using var recorder = new MeasurementRecorder();
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(Submissions.NewId());
        await grain.CreateAsync(Submissions.Create("Sion", "CH"));
        await WaitForStatusAsync(grain, SubmissionStatus.AwaitingData);

        recorder.Observe();

        var state = Assert.Single(recorder.Of("dovetail.lookup.circuit.state"));
        Assert.Equal(0, state.Value);
    }

    [Fact]
    public void RecordFlush_RecordsDurationRecordsAndBytes()
    {
        using var recorder = new MeasurementRecorder();

        DovetailMetrics.RecordFlush(TimeSpan.FromMilliseconds(1500), records: 42, bytes: 4096);

        Assert.Equal(1.5, Assert.Single(recorder.Of("dovetail.lake.flush.duration")).Value);
        Assert.Equal(42, Assert.Single(recorder.Of("dovetail.lake.batch.records")).Value);
        Assert.Equal(4096, Assert.Single(recorder.Of("dovetail.lake.batch.bytes")).Value);
    }

    [Fact]
    public void RecordStreamEvents_TagsPartitionOnlyWhenGiven()
    {
        using var recorder = new MeasurementRecorder();

        DovetailMetrics.RecordStreamEvents(3, partition: 2);
        DovetailMetrics.RecordStreamEvents(5);

        var events = recorder.Of("dovetail.stream.events");
        Assert.Equal(2, events.Count);
        Assert.Equal(2, events[0].Tag("partition"));
        Assert.Equal(3, events[0].Value);
        Assert.Empty(events[1].Tags);
        Assert.Equal(5, events[1].Value);
    }

    [Fact]
    public void LakeQueryAndWarehouseLoad_RecordSeconds()
    {
        using var recorder = new MeasurementRecorder();

        DovetailMetrics.RecordLakeQuery(TimeSpan.FromSeconds(2));
        DovetailMetrics.RecordWarehouseLoad(TimeSpan.FromMinutes(1));

        Assert.Equal(2, Assert.Single(recorder.Of("dovetail.lake.query.duration")).Value);
        Assert.Equal(60, Assert.Single(recorder.Of("dovetail.warehouse.load.duration")).Value);
    }

    private static Task<SubmissionView> WaitForStatusAsync(ISubmissionGrain grain, SubmissionStatus status) =>
        Polling.UntilAsync(
            async () => (await grain.GetAsync(Submissions.ClientId))!,
            view => view.Status == status,
            Bound);
}
