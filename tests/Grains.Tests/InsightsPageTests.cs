using Dovetail.Grains.Abstractions.Insights;
using Dovetail.Grains.Abstractions.Warehouse;
using Dovetail.Grains.Insights;

namespace Dovetail.Grains.Tests;

public sealed class InsightsPageTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    [Fact]
    public void Render_ShowsCountsAndLoad()
    {
        var dataset = new InsightsDataset(
            3,
            new DateTimeOffset(2026, 12, 4, 1, 0, 5, TimeSpan.Zero),
            new WarehouseLoaded(Day, 12, 1200, "f00d", new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero)),
            [new DailyStatusCount(Day, "completed", 290), new DailyStatusCount(Day, "failed", 10)],
            [new CountryCount("CH", 120), new CountryCount("", 3)]);

        var html = InsightsPage.Render(dataset);

        Assert.Contains("Dataset version 3, computed 2026-12-04 01:00:05 UTC", html, StringComparison.Ordinal);
        Assert.Contains("the load of 2026-12-03 (1200 rows from 12 objects)", html, StringComparison.Ordinal);
        Assert.Contains("<td>completed</td><td class=\"count\">290</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>CH</td><td class=\"count\">120</td>", html, StringComparison.Ordinal);
        Assert.Contains("(no place picked)", html, StringComparison.Ordinal);
        Assert.Contains($"content=\"{InsightsPage.ReloadSeconds}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EncodesValuesFromTheWarehouse()
    {
        var dataset = new InsightsDataset(
            1, DateTimeOffset.UnixEpoch, null, [new DailyStatusCount(Day, "<script>x</script>", 1)], [new CountryCount("<b>", 1)]);

        var html = InsightsPage.Render(dataset);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailedRefresh_SaysNumbersMayBeOld()
    {
        var dataset = InsightsDataset.Empty with { RefreshError = "The warehouse could not be read: <locked>." };

        var html = InsightsPage.Render(dataset);

        Assert.Contains("The numbers below may be out of date.", html, StringComparison.Ordinal);
        Assert.Contains("&lt;locked&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptyDataset_SaysNothingIsLoaded()
    {
        var html = InsightsPage.Render(InsightsDataset.Empty);

        Assert.Contains("computed never", html, StringComparison.Ordinal);
        Assert.Contains("No changes are loaded yet.", html, StringComparison.Ordinal);
    }
}
