using Dovetail.Gazetteer;

namespace Dovetail.Cases.Tests;

/// <summary>
/// The stand-in returns a 500 MB array (5,000,000 filler items, the real entries last) while 20 submissions
/// start at once.
/// </summary>
public sealed class LargeAnswerTests(LargeAnswerTests.App app) : IClassFixture<LargeAnswerTests.App>
{
    private const int PayloadTooLargeEventId = 2008;

    public sealed class App : DovetailApp
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Lookup:MaxResponseBytes"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Lookup:MaxAttempts"] = "2";
        }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Gazetteer.SetFaults(new GazetteerFaults { SyntheticItems = 5_000_000 });
        }
    }

    [Fact]
    public async Task OverMaximumSize_FailsWithLoggedReason()
    {
        string[] names = ["Zürich", "Genève", "Basel", "Bern", "Lausanne", "Winterthur", "Luzern", "St. Gallen", "Lugano", "Biel",
            "Thun", "Köniz", "La Chaux-de-Fonds", "Fribourg", "Schaffhausen", "Chur", "Vernier", "Neuchâtel", "Uster", "Sion"];
        using var client = app.CreateApiClient();

        var creates = names.Select(async (name, index) =>
        {
            var correlationId = $"large-{index}-{Guid.NewGuid():N}";
            using var response = await SubmissionClient.CreateAsync(
                client, $$$"""{"place":{"name":"{{{name}}}","country":"CH"}}""", correlationId: correlationId);
            var id = (await SubmissionClient.ReadJsonAsync(response)).GetProperty("id").GetString()!;
            return (Id: id, CorrelationId: correlationId);
        });
        var submissions = await Task.WhenAll(creates);
        var finals = await Task.WhenAll(submissions.Select(submission =>
            SubmissionClient.WaitForStatusAsync(client, submission.Id, TimeSpan.FromMinutes(3), "failed", "awaiting-data")));

        Assert.All(finals, final => Assert.Equal("failed", final.GetProperty("status").GetString()));
        Assert.All(finals, final => Assert.Equal("upstream_payload_too_large", final.GetProperty("failureReason").GetString()));
        var tooLargeLogs = app.Logs.Entries.Where(entry => entry.EventId.Id == PayloadTooLargeEventId).ToList();
        Assert.All(submissions, submission =>
            Assert.Contains(tooLargeLogs, entry => entry.Message.Contains(submission.CorrelationId, StringComparison.Ordinal)));

        // An oversized response is not an upstream fault, so it is not retried: one call per submission.
        Assert.Equal(names.Length, app.Gazetteer.Requests.Count);
    }
}
