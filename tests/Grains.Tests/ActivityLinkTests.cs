using System.Collections.Concurrent;
using System.Diagnostics;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Telemetry;

namespace Dovetail.Grains.Tests;

[Collection(nameof(TelemetryCollection))]
public sealed class ActivityLinkTests : IDisposable
{
    private const string AddDataActivity = "submission.add-data";
    private readonly TelemetryClusterFixture _fixture;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public ActivityLinkTests(TelemetryClusterFixture fixture)
    {
        _fixture = fixture;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DovetailActivitySource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task AddData_InAnotherTrace_LinksToCreatingTrace()
    {
        var creatingTrace = ActivityTraceId.CreateRandom();
        var traceParent = $"00-{creatingTrace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        var id = Submissions.NewId();
        var grain = _fixture.Grains.GetGrain<ISubmissionGrain>(id);
        await grain.CreateAsync(Submissions.Create("Chur", "CH") with { TraceParent = traceParent });

        await grain.AddDataAsync(Submissions.AddData("""{"note":"later"}"""));
        await WaitForCompletionAsync(grain);

        var activity = Assert.Single(AddDataActivitiesOf(id));
        var link = Assert.Single(activity.Links);
        Assert.Equal(creatingTrace, link.Context.TraceId);
        Assert.NotEqual(creatingTrace, activity.TraceId);
    }

    [Fact]
    public async Task AddData_WithoutStoredTraceParent_HasNoLink()
    {
        var id = Submissions.NewId();
        var grain = _fixture.Grains.GetGrain<ISubmissionGrain>(id);
        await grain.CreateAsync(Submissions.Create("Aarau", "CH"));

        await grain.AddDataAsync(Submissions.AddData("""{"note":"later"}"""));
        await WaitForCompletionAsync(grain);

        var activity = Assert.Single(AddDataActivitiesOf(id));
        Assert.Empty(activity.Links);
    }

    public void Dispose() => _listener.Dispose();

    private IEnumerable<Activity> AddDataActivitiesOf(string submissionId) =>
        _stopped.Where(activity =>
            activity.OperationName == AddDataActivity
            && Equals(activity.GetTagItem("dovetail.submission_id"), submissionId));

    // Waiting for the lookup keeps its work from landing in the next test's listeners.
    private static Task<SubmissionStatus> WaitForCompletionAsync(ISubmissionGrain grain) =>
        Polling.UntilAsync(
            async () => (await grain.GetAsync(Submissions.ClientId))!.Status,
            status => status == SubmissionStatus.Completed,
            TimeSpan.FromSeconds(30));
}
