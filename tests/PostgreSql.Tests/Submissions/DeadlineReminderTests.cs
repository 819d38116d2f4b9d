using System.Text.Json;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Submissions;
using Xunit;

namespace Dovetail.PostgreSql.Tests.Submissions;

/// <summary>
/// The deadline reminder on a freshly migrated schema: stored in PostgreSQL, fired by the ADO.NET reminder
/// service, and applied once however often it is delivered.
/// </summary>
[Collection(SubmissionClusterCollection.Name)]
public sealed class DeadlineReminderTests(ShortDeadlineFixture fixture) : IClassFixture<ShortDeadlineFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // Enough reminder periods for any tick still scheduled to arrive, so that a second expiry would show.
    private static readonly TimeSpan QuietPeriod = 3 * ShortDeadlineFixture.ReminderPeriod;

    [Fact]
    public async Task Deadline_IsStoredStartingAtDeadline()
    {
        var ct = TestContext.Current.CancellationToken;
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(SubmissionCommands.NewId());

        var created = await grain.CreateAsync(SubmissionCommands.Create("Sion", "CH"));
        var reminders = await fixture.ReadStoredRemindersAsync(grain, ct);

        var deadline = ReadDeadline(created.View!);
        var stored = Assert.Single(reminders, reminder => reminder.Name == SubmissionGrain.DeadlineReminder);
        Assert.Equal(ShortDeadlineFixture.ReminderPeriod, stored.Period);

        // The reminder starts at the deadline. Orleans may round the due time, but a time zone or Kind mix-up
        // between Npgsql and the timestamptz column would move it by hours.
        Assert.InRange(stored.StartTime, deadline - TimeSpan.FromSeconds(1), deadline + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Deadline_DeliveredAgain_ExpiresOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(SubmissionCommands.NewId());
        await grain.CreateAsync(SubmissionCommands.Create("Thun", "CH"));
        var pending = await fixture.ReadStoredRemindersAsync(grain, ct);

        // Only the reminder service can expire the submission here, because nothing else calls the grain before
        // this point.
        var expired = await WaitForFinalAsync(grain);

        // A restart around the due time can deliver the same deadline again, so it is delivered twice more here.
        // The silos then restart, so that a reminder row left behind would be loaded and fired again.
        var remindable = fixture.Grains.GetGrain<IRemindable>(grain.GetGrainId());
        var tick = new TickStatus(expired.UpdatedAt.UtcDateTime, ShortDeadlineFixture.ReminderPeriod, DateTime.UtcNow);
        await remindable.ReceiveReminder(SubmissionGrain.DeadlineReminder, tick, ct);
        await remindable.ReceiveReminder(SubmissionGrain.DeadlineReminder, tick, ct);
        await fixture.RestartAllSilosAsync();
        var restartedAt = DateTimeOffset.UtcNow;
        var later = await Polling.UntilAsync(
            async () => (await grain.GetAsync(SubmissionCommands.ClientId))!,
            _ => DateTimeOffset.UtcNow - restartedAt > QuietPeriod,
            Bound);
        var stored = await fixture.ReadStoredSubmissionAsync(grain);
        var remaining = await fixture.ReadStoredRemindersAsync(grain, ct);

        Assert.Contains(pending, reminder => reminder.Name == SubmissionGrain.DeadlineReminder);
        Assert.Equal(SubmissionStatus.Expired, expired.Status);
        Assert.Equal(SubmissionStatus.Expired, later.Status);
        Assert.Equal(expired.Version, later.Version);
        Assert.NotNull(stored.State);
        Assert.Equal(expired.Version, stored.State.Version);
        Assert.Single(stored.State.Timeline, transition => transition.Status == SubmissionStatus.Expired);
        Assert.Equal("deadline", stored.State.Timeline[^1].Cause);
        Assert.Empty(remaining);
    }

    [Fact]
    public async Task Deadline_RestartAroundDueTime_ExpiresOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(SubmissionCommands.NewId());
        await grain.CreateAsync(SubmissionCommands.Create("Aarau", "CH"));

        // Restarting both silos takes about as long as the deadline, so the due time falls during or just after
        // the restarts and the new silos must load the reminder from PostgreSQL to fire it.
        await fixture.RestartAllSilosAsync();
        var expired = await WaitForFinalAsync(grain);
        var later = await Polling.UntilAsync(
            async () => (await grain.GetAsync(SubmissionCommands.ClientId))!,
            view => DateTimeOffset.UtcNow - view.UpdatedAt > QuietPeriod,
            Bound);
        var stored = await fixture.ReadStoredSubmissionAsync(grain);
        var remaining = await fixture.ReadStoredRemindersAsync(grain, ct);

        Assert.Equal(SubmissionStatus.Expired, expired.Status);
        Assert.Equal(expired.Version, later.Version);
        Assert.NotNull(stored.State);
        Assert.Single(stored.State.Timeline, transition => transition.Status == SubmissionStatus.Expired);
        Assert.Empty(remaining);
    }

    private static async Task<SubmissionView> WaitForFinalAsync(ISubmissionGrain grain) =>
        await Polling.UntilAsync(
            async () => (await grain.GetAsync(SubmissionCommands.ClientId))!,
            view => view.Status.IsFinal(),
            Bound);

    private static DateTimeOffset ReadDeadline(SubmissionView view)
    {
        using var document = JsonDocument.Parse(view.Json);
        return document.RootElement.GetProperty("additionalDataDeadline").GetDateTimeOffset();
    }
}
