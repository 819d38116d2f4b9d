using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Telemetry;

namespace Dovetail.Grains.Tests;

[Collection(nameof(TelemetryCollection))]
public sealed class LogScopeTests(TelemetryClusterFixture fixture)
{
    private const int CreatedEventId = 1100;
    private const int OutcomeIgnoredEventId = 1103;
    private const int GazetteerCallSucceededEventId = 2001;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SubmissionGrainLog_CarriesSubmissionAndCorrelationIds()
    {
        var id = Submissions.NewId();
        var command = Submissions.Create("Basel", "CH");

        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(id);
        await grain.CreateAsync(command);
        await WaitForLookupAsync(grain);

        var created = Assert.Single(TelemetryClusterFixture.Logs, entry =>
            entry.EventId.Id == CreatedEventId && Equals(entry.Scope(LogScope.SubmissionIdKey), id));
        Assert.Equal(command.CorrelationId, created.Scope(LogScope.CorrelationIdKey));
    }

    [Fact]
    public async Task LookupWorkerLog_CarriesSubmissionAndCorrelationIds()
    {
        var id = Submissions.NewId();
        var command = Submissions.Create("Winterthur", "CH");

        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(id);
        await grain.CreateAsync(command);
        await WaitForLookupAsync(grain);

        var call = Assert.Single(TelemetryClusterFixture.Logs, entry =>
            entry.EventId.Id == GazetteerCallSucceededEventId && Equals(entry.Scope(LogScope.SubmissionIdKey), id));
        Assert.Equal(command.CorrelationId, call.Scope(LogScope.CorrelationIdKey));
    }

    [Fact]
    public async Task RequestContextCorrelationId_ReachesGrainLogScope()
    {
        var id = Submissions.NewId();
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(id);
        await grain.CreateAsync(Submissions.Create("Thun", "CH"));
        await WaitForLookupAsync(grain);
        var lateOutcome = new EnrichmentOutcome(
            99, EnrichmentOutcomeKind.NoMatch, null, null, 1, FromCache: false, DateTimeOffset.UtcNow);

        // The outcome comes too late and is ignored, and the grain logs that in the caller's correlation.
        using (CorrelationContext.Begin("request-context-correlation"))
        {
            await grain.ApplyEnrichmentAsync(lateOutcome);
        }

        var ignored = Assert.Single(TelemetryClusterFixture.Logs, entry =>
            entry.EventId.Id == OutcomeIgnoredEventId && Equals(entry.Scope(LogScope.SubmissionIdKey), id));
        Assert.Equal("request-context-correlation", ignored.Scope(LogScope.CorrelationIdKey));
        Assert.Null(CorrelationContext.Current);
    }

    // Waiting for the lookup keeps its work from landing in the next test's listeners.
    private static Task<SubmissionStatus> WaitForLookupAsync(ISubmissionGrain grain) =>
        Polling.UntilAsync(
            async () => (await grain.GetAsync(Submissions.ClientId))!.Status,
            status => status == SubmissionStatus.AwaitingData,
            Bound);
}
