using System.Net;
using Dovetail.Gazetteer;
using Dovetail.Grains.Abstractions.Idempotency;

namespace Dovetail.Cases.Tests;

/// <summary>
/// The second request arrives immediately after the first, or while the first is still in flight, while the
/// stand-in takes 10 s to respond.
/// </summary>
public sealed class SecondRequestFirstTests(SecondRequestFirstTests.App app) : IClassFixture<SecondRequestFirstTests.App>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public sealed class App : DovetailApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Gazetteer.SetFaults(new GazetteerFaults { LatencyMs = 10_000 });
        }
    }

    [Fact]
    public async Task BackToBack_StoresDataAndJoinsLater()
    {
        using var client = app.CreateApiClient();

        var id = await SubmissionClient.CreateIdAsync(client, """{"place":{"name":"Fribourg","country":"CH"}}""");
        using var second = await SubmissionClient.AddDataAsync(client, id, """{"seat":"12A"}""");
        using var afterSecond = await SubmissionClient.GetAsync(client, id);
        var stored = await SubmissionClient.ReadJsonAsync(afterSecond);
        var final = await SubmissionClient.WaitForStatusAsync(client, id, Bound, "completed", "failed");

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal("awaiting-enrichment", stored.GetProperty("status").GetString());
        Assert.Equal("completed", final.GetProperty("status").GetString());
        Assert.Equal("12A", final.GetProperty("result").GetProperty("additionalData").GetProperty("seat").GetString());
    }

    [Fact]
    public async Task SecondWhileFirstInFlight_NeverLosesA2xx()
    {
        // With an idempotency key the id is derived from client and key, so a client racing its own first
        // request can address the submission before the first response arrives.
        using var first = app.CreateApiClient();
        using var other = app.CreateApiClient();
        var outcomes = new List<(string Id, HttpStatusCode Status)>();
        for (var round = 0; round < 10; round++)
        {
            var key = Guid.NewGuid().ToString("N");
            var id = IdempotencyKeys.DeriveSubmissionId(DovetailApp.ClientId, key, 1);

            var create = SubmissionClient.CreateAsync(first, """{"place":{"name":"Neuchâtel","country":"CH"}}""", key);
            var data = SubmissionClient.AddDataAsync(other, id, $$"""{"round":{{round}}}""");
            using var created = await create;
            using var added = await data;

            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
            Assert.Contains(added.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.NotFound });
            if (added.StatusCode == HttpStatusCode.NotFound)
            {
                Assert.Equal("application/problem+json", SubmissionClient.ContentType(added));
            }

            outcomes.Add((id, added.StatusCode));
        }

        // Every second request that got a 2xx must be part of the final object.
        foreach (var (id, status) in outcomes.Where(outcome => outcome.Status != HttpStatusCode.NotFound))
        {
            var final = await SubmissionClient.WaitForStatusAsync(first, id, Bound, "completed", "failed");
            Assert.Equal("completed", final.GetProperty("status").GetString());
            Assert.True(final.GetProperty("result").GetProperty("additionalData").TryGetProperty("round", out _));
        }
    }

    [Fact]
    public async Task SecondRequest_UnknownId_Is404ProblemDocument()
    {
        using var client = app.CreateApiClient();

        using var response = await SubmissionClient.AddDataAsync(client, Guid.NewGuid().ToString("D"), """{"n":1}""");
        var problem = await SubmissionClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", SubmissionClient.ContentType(response));
        Assert.Equal("submission_not_found", problem.GetProperty("code").GetString());
    }
}
