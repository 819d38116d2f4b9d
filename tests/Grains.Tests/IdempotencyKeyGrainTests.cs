using Dovetail.Grains.Abstractions.Idempotency;
using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Grains.Tests;

public sealed class IdempotencyKeyGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IIdempotencyKeyGrain KeyGrain(string key) =>
        fixture.Grains.GetGrain<IIdempotencyKeyGrain>(IdempotencyKeys.GrainKey(Submissions.ClientId, key));

    [Fact]
    public async Task SameKeyAndBody_ReturnsSameSubmission()
    {
        var key = Guid.NewGuid().ToString("N");
        var command = Submissions.Create("Luzern", "CH", key: key);

        var first = await KeyGrain(key).CreateAsync(command);
        var second = await KeyGrain(key).CreateAsync(command);

        Assert.Equal(CreateSubmissionOutcome.Created, first.Outcome);
        Assert.Equal(CreateSubmissionOutcome.Replayed, second.Outcome);
        Assert.Equal(first.View!.Id, second.View!.Id);
    }

    [Fact]
    public async Task SameKeyOtherBody_IsRejected()
    {
        var key = Guid.NewGuid().ToString("N");
        await KeyGrain(key).CreateAsync(Submissions.Create("Luzern", "CH", key: key));

        var result = await KeyGrain(key).CreateAsync(Submissions.Create("Chur", "CH", key: key));

        Assert.Equal(CreateSubmissionOutcome.KeyReusedWithDifferentBody, result.Outcome);
        Assert.Null(result.View);
    }

    [Fact]
    public async Task TwentyConcurrentDuplicates_CreateOneSubmissionAndOneExternalCall()
    {
        // Liechtenstein is used by no other test of this fixture, so every request for it comes from this test.
        var key = Guid.NewGuid().ToString("N");
        var command = Submissions.Create("Vaduz", "LI", key: key);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => KeyGrain(key).CreateAsync(command)));
        var submission = fixture.Grains.GetGrain<ISubmissionGrain>(results[0].View!.Id);
        await Polling.UntilAsync(
            async () => (await submission.GetAsync(Submissions.ClientId))!.Status,
            status => status == SubmissionStatus.AwaitingData,
            TimeSpan.FromSeconds(30));

        Assert.Single(results.Select(result => result.View!.Id).Distinct());
        Assert.Single(results, result => result.Outcome == CreateSubmissionOutcome.Created);
        Assert.Single(fixture.Gazetteer.Requests, request => request.Query.Contains("country=LI", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task DerivedId_DependsOnClientKeyAndGeneration()
    {
        var id = IdempotencyKeys.DeriveSubmissionId("a", "k", 1);

        Assert.Equal(id, IdempotencyKeys.DeriveSubmissionId("a", "k", 1));
        Assert.NotEqual(id, IdempotencyKeys.DeriveSubmissionId("b", "k", 1));
        Assert.NotEqual(id, IdempotencyKeys.DeriveSubmissionId("a", "k", 2));
    }
}
