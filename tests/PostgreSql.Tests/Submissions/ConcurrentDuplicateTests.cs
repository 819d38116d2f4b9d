using Dovetail.Grains.Abstractions.Idempotency;
using Dovetail.Grains.Abstractions.Submissions;
using Xunit;

namespace Dovetail.PostgreSql.Tests.Submissions;

[Collection(SubmissionClusterCollection.Name)]
public sealed class ConcurrentDuplicateTests(SubmissionClusterFixture fixture) : IClassFixture<SubmissionClusterFixture>
{
    private const int Duplicates = 20;

    [Fact]
    public async Task SameKey_TwentyAtOnce_CreatesOnce()
    {
        // Liechtenstein is requested by no other test of this class, so every request for it comes from here.
        var command = SubmissionCommands.Create("Vaduz", "LI", key: $"key-{Guid.NewGuid():N}");
        var keyGrain = fixture.Grains.GetGrain<IIdempotencyKeyGrain>(
            IdempotencyKeys.GrainKey(SubmissionCommands.ClientId, command.IdempotencyKey!));

        var ct = TestContext.Current.CancellationToken;
        var results = await Task.WhenAll(
            Enumerable.Range(0, Duplicates).Select(_ => Task.Run(() => keyGrain.CreateAsync(command), ct)));
        var ids = results.Select(result => result.View?.Id).Distinct().ToList();
        var submission = fixture.Grains.GetGrain<ISubmissionGrain>(ids[0]!);
        var enriched = await Polling.UntilAsync(
            async () => (await submission.GetAsync(SubmissionCommands.ClientId))!,
            view => view.Status == SubmissionStatus.AwaitingData || view.Status.IsFinal(),
            TimeSpan.FromSeconds(60));
        var lookups = fixture.Gazetteer.Requests.Count(request => request.Query == "?country=LI");

        Assert.Single(ids);
        Assert.NotNull(ids[0]);
        Assert.Equal(1, results.Count(result => result.Outcome == CreateSubmissionOutcome.Created));
        Assert.Equal(Duplicates - 1, results.Count(result => result.Outcome == CreateSubmissionOutcome.Replayed));
        Assert.Equal(SubmissionStatus.AwaitingData, enriched.Status);
        Assert.Equal(1, lookups);
    }
}
