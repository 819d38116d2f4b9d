using System.Diagnostics;
using System.Net;
using Dovetail.Gazetteer;

namespace Dovetail.Cases.Tests;

/// <summary>
/// A slow external call must not block the submission: the stand-in waits 45 s before it responds.
/// </summary>
public sealed class SlowUpstreamTests(SlowUpstreamTests.App app) : IClassFixture<SlowUpstreamTests.App>
{
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(45);

    /// <summary>Requests must come back far sooner than the upstream latency; this bound only catches blocking.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    public sealed class App : DovetailApp
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Lookup:CallTimeout"] = "00:01:30";
        }
    }

    [Fact]
    public async Task SlowLookup_NeverBlocksRequests()
    {
        app.Gazetteer.SetFaults(new GazetteerFaults { LatencyMs = (int)Latency.TotalMilliseconds });
        using var client = app.CreateApiClient();
        var cancellation = TestContext.Current.CancellationToken;

        var clock = Stopwatch.StartNew();
        var id = await SubmissionClient.CreateIdAsync(client, """{"place":{"name":"Lausanne","country":"CH"}}""");
        Assert.True(clock.Elapsed < Prompt, $"The first POST took {clock.Elapsed}.");

        // Poll once a second while the lookup is pending: every GET and second POST must return at once.
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var polls = 0;
        while (polls < 120)
        {
            await ticker.WaitForNextTickAsync(cancellation);
            clock.Restart();
            using var get = await SubmissionClient.GetAsync(client, id);
            var status = (await SubmissionClient.ReadJsonAsync(get)).GetProperty("status").GetString();
            Assert.True(clock.Elapsed < Prompt, $"A GET took {clock.Elapsed}.");
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            if (status == "completed")
            {
                break;
            }

            Assert.Contains(status, new[] { "enriching", "awaiting-enrichment" });
            polls++;

            clock.Restart();
            using var data = await SubmissionClient.AddDataAsync(client, id, """{"note":"sent while the lookup is pending"}""");
            Assert.True(clock.Elapsed < Prompt, $"A second POST took {clock.Elapsed}.");
            // 202 while the lookup runs; 200 only when the lookup landed between the GET and this POST.
            Assert.Contains(data.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.OK });
        }

        var final = await SubmissionClient.WaitForStatusAsync(client, id, Latency * 2, "completed", "failed");

        Assert.True(polls >= 30, $"Only {polls} polls ran while the lookup was pending.");
        Assert.Equal("completed", final.GetProperty("status").GetString());
        Assert.Equal("matched", final.GetProperty("result").GetProperty("enrichment").GetProperty("outcome").GetString());

        // accepted, enriching, awaiting-enrichment, completed: the late result was applied once.
        Assert.Equal(4, final.GetProperty("version").GetInt32());
        Assert.Single(app.Gazetteer.Requests);
    }
}
