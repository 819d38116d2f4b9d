using Dovetail.Gazetteer;
using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Grains.Tests;

/// <summary>
/// Lookups against a failing stand-in. The class has its own cluster, so its faults reach no other test.
/// </summary>
public sealed class EnrichmentFailureTests(EnrichmentFailureTests.Fixture fixture)
    : IClassFixture<EnrichmentFailureTests.Fixture>
{
    public sealed class Fixture : ClusterFixture;

    [Fact]
    public async Task UpstreamAlwaysFailing_FailsWithReasonAfterLastAttempt()
    {
        fixture.Gazetteer.SetFaults(new GazetteerFaults { FailFirst = 1000, ErrorStatus = 500 });
        try
        {
            var grain = fixture.Grains.GetGrain<ISubmissionGrain>(Submissions.NewId());
            await grain.CreateAsync(Submissions.Create("Olten", "CH"));

            var view = await Polling.UntilAsync(
                async () => (await grain.GetAsync(Submissions.ClientId))!,
                view => view.Status.IsFinal(),
                TimeSpan.FromSeconds(30));

            Assert.Equal(SubmissionStatus.Failed, view.Status);
            Assert.Equal("upstream_unavailable", view.FailureReason);
            var result = await grain.AddDataAsync(Submissions.AddData("""{"n":1}"""));
            Assert.Equal(AddDataOutcome.Failed, result.Outcome);
        }
        finally
        {
            fixture.Gazetteer.ResetFaults();
        }
    }

    [Fact]
    public async Task UpstreamFailingTwice_CompletesOnThirdAttempt()
    {
        fixture.Gazetteer.SetFaults(new GazetteerFaults { FailFirst = 2, ErrorStatus = 503, RetryAfterSeconds = 0 });
        try
        {
            var grain = fixture.Grains.GetGrain<ISubmissionGrain>(Submissions.NewId());
            await grain.CreateAsync(Submissions.Create("Winterthur", "CH"));

            var view = await Polling.UntilAsync(
                async () => (await grain.GetAsync(Submissions.ClientId))!,
                view => view.Status is SubmissionStatus.AwaitingData || view.Status.IsFinal(),
                TimeSpan.FromSeconds(30));

            Assert.Equal(SubmissionStatus.AwaitingData, view.Status);
            Assert.Contains("\"attempts\":3", view.Json, StringComparison.Ordinal);
        }
        finally
        {
            fixture.Gazetteer.ResetFaults();
        }
    }
}
