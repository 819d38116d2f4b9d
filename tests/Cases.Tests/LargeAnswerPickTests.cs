using Dovetail.Gazetteer;

namespace Dovetail.Cases.Tests;

/// <summary>
/// With a maximum size above the 500 MB array, the lookup streams through it and picks the real entry at the end.
/// </summary>
public sealed class LargeAnswerPickTests(LargeAnswerPickTests.App app) : IClassFixture<LargeAnswerPickTests.App>
{
    public sealed class App : DovetailApp
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Lookup:MaxResponseBytes"] = (1024L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Gazetteer.SetFaults(new GazetteerFaults { SyntheticItems = 5_000_000 });
        }
    }

    [Fact]
    public async Task MatchAtEndOfHugeArray_IsPicked()
    {
        using var client = app.CreateApiClient();

        var id = await SubmissionClient.CreateIdAsync(client, """{"place":{"name":"Zürich","country":"CH"}}""");
        var final = await SubmissionClient.WaitForStatusAsync(client, id, TimeSpan.FromMinutes(3), "awaiting-data", "failed");

        Assert.Equal("awaiting-data", final.GetProperty("status").GetString());
        var place = final.GetProperty("enrichment").GetProperty("place");
        Assert.Equal("Zürich", place.GetProperty("name").GetString());
        Assert.Equal("CH", place.GetProperty("country").GetString());
    }
}
