using Dovetail.Grains.Abstractions.Storage;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Submissions;

namespace Dovetail.Grains.Tests;

/// <summary>
/// A submission is never stored without the reminders that finish it, whatever happens around its first write.
/// </summary>
public sealed class SubmissionFirstWriteTests(FirstWriteFixture fixture) : IClassFixture<FirstWriteFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reminders_ExistBeforeFirstWrite()
    {
        var id = Submissions.NewId();

        await fixture.Grains.GetGrain<ISubmissionGrain>(id).CreateAsync(Submissions.Create("Zürich", "CH"));

        var reminders = fixture.Probe.RemindersAtFirstWrite(id);
        Assert.NotNull(reminders);
        Assert.Contains(SubmissionGrain.DeadlineReminder, reminders);
        Assert.Contains(SubmissionGrain.EnrichmentReminder, reminders);
    }

    [Fact]
    public async Task FailedFirstWrite_LeavesNothingBehind()
    {
        var id = Submissions.NewId();
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(id);
        fixture.Probe.FailFirstWrite(id);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => grain.CreateAsync(Submissions.Create("Zürich", "CH")));

        Assert.Null(await grain.GetAsync(Submissions.ClientId));
        var remaining = await Polling.UntilAsync(
            () => fixture.ReadRemindersAsync(grain), names => names.Count == 0, Bound);
        Assert.Empty(remaining);
    }

    [Fact]
    public async Task FailedFirstWrite_ThenRetry_Enriches()
    {
        var id = Submissions.NewId();
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(id);
        var command = Submissions.Create("Zürich", "CH");
        fixture.Probe.FailFirstWrite(id);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => grain.CreateAsync(command));

        var retried = await grain.CreateAsync(command);
        var view = await Polling.UntilAsync(
            () => grain.GetAsync(Submissions.ClientId),
            current => current?.Status == SubmissionStatus.AwaitingData,
            Bound);

        Assert.Equal(CreateSubmissionOutcome.Created, retried.Outcome);
        Assert.Equal(SubmissionStatus.AwaitingData, view!.Status);
    }
}
