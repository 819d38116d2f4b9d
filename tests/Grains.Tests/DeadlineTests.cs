using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Grains.Tests;

public sealed class DeadlineTests(ShortDeadlineFixture fixture) : IClassFixture<ShortDeadlineFixture>
{
    [Fact]
    public async Task NoDataBeforeDeadline_ExpiresOnce()
    {
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(Submissions.NewId());
        await grain.CreateAsync(Submissions.Create("Sion", "CH"));

        var expired = await Polling.UntilAsync(
            async () => (await grain.GetAsync(Submissions.ClientId))!,
            view => view.Status.IsFinal(),
            TimeSpan.FromSeconds(30));

        // Later ticks of the same reminder must not change anything; give them time to come and then compare.
        var later = await Polling.UntilAsync(
            async () => (await grain.GetAsync(Submissions.ClientId))!,
            view => DateTimeOffset.UtcNow - view.UpdatedAt > TimeSpan.FromSeconds(3),
            TimeSpan.FromSeconds(30));
        Assert.Equal(SubmissionStatus.Expired, expired.Status);
        Assert.Equal(expired.Version, later.Version);
    }

    [Fact]
    public async Task AddData_AfterExpiry_IsRejectedAsExpired()
    {
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(Submissions.NewId());
        await grain.CreateAsync(Submissions.Create("Thun", "CH"));
        await Polling.UntilAsync(
            async () => (await grain.GetAsync(Submissions.ClientId))!.Status,
            status => status == SubmissionStatus.Expired,
            TimeSpan.FromSeconds(30));

        var result = await grain.AddDataAsync(Submissions.AddData("""{"late":true}"""));

        Assert.Equal(AddDataOutcome.Expired, result.Outcome);
    }

    [Fact]
    public async Task AddData_AfterDeadline_ExpiresOnce()
    {
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(Submissions.NewId());
        var created = await grain.CreateAsync(Submissions.Create("Chur", "CH"));
        await Polling.UntilAsync(
            () => Task.FromResult(DateTimeOffset.UtcNow),
            now => now > created.View!.CreatedAt + TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(30));

        var result = await grain.AddDataAsync(Submissions.AddData("""{"late":true}"""));
        var settled = await Polling.UntilAsync(
            async () => (await grain.GetAsync(Submissions.ClientId))!,
            view => DateTimeOffset.UtcNow - view.UpdatedAt > TimeSpan.FromSeconds(3),
            TimeSpan.FromSeconds(30));
        var timeline = await grain.GetTimelineAsync(Submissions.ClientId);

        Assert.Equal(AddDataOutcome.Expired, result.Outcome);
        Assert.Equal(SubmissionStatus.Expired, settled.Status);
        Assert.Single(timeline!, transition => transition.Status == SubmissionStatus.Expired);
        Assert.DoesNotContain(timeline!, transition => transition.Cause == "additional-data");
    }

    [Fact]
    public async Task DataBeforeDeadline_DoesNotExpire()
    {
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(Submissions.NewId());
        await grain.CreateAsync(Submissions.Create("Aarau", "CH"));
        await grain.AddDataAsync(Submissions.AddData("""{"onTime":true}"""));

        var view = await Polling.UntilAsync(
            async () => (await grain.GetAsync(Submissions.ClientId))!,
            view => view.Status.IsFinal() && DateTimeOffset.UtcNow - view.CreatedAt > TimeSpan.FromSeconds(4),
            TimeSpan.FromSeconds(30));

        Assert.Equal(SubmissionStatus.Completed, view.Status);
    }
}
