using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Dovetail.Grains.Abstractions.Insights;

namespace Dovetail.Grains.Insights;

/// <summary>
/// Renders the insights dashboard: the dataset as two bar charts in inline SVG with their numbers beside them, on a
/// page that reloads itself, so an open dashboard shows each refreshed dataset. It needs no script or external file.
/// </summary>
public static class InsightsPage
{
    /// <summary>Seconds after which an open page reloads.</summary>
    public const int ReloadSeconds = 60;

    private const int BarWidth = 360;

    // The final statuses first, in the order a reader compares them, then the others.
    private static readonly string[] StatusOrder =
        ["completed", "failed", "expired", "accepted", "enriching", "awaiting-data", "awaiting-enrichment"];

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Returns the page for <paramref name="dataset"/> as HTML.</summary>
    public static string Render(InsightsDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);

        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="refresh" content="{ReloadSeconds}">
            <title>Dovetail insights</title>
            <style>
            body {"{"} font-family: system-ui, sans-serif; margin: 2rem; color: #222; {"}"}
            table {"{"} border-collapse: collapse; margin-bottom: 2rem; {"}"}
            td, th {"{"} padding: 0.2rem 0.6rem; text-align: left; vertical-align: middle; {"}"}
            td.count {"{"} text-align: right; font-variant-numeric: tabular-nums; {"}"}
            .note {"{"} color: #666; {"}"}
            .warning {"{"} color: #a4261a; font-weight: 600; {"}"}
            </style>
            </head>
            <body>
            <h1>Dovetail insights</h1>

            """);
        AppendStatus(page, dataset);
        AppendTransitions(page, dataset.Transitions);
        AppendCountries(page, dataset.CompletedByCountry);
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    private static void AppendStatus(StringBuilder page, InsightsDataset dataset)
    {
        var refreshed = dataset.RefreshedAt is { } at
            ? at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : "never";
        var load = dataset.LastLoad is { } last
            ? string.Create(CultureInfo.InvariantCulture,
                $"after the load of {last.Day:yyyy-MM-dd} ({last.Records} rows from {last.Objects} objects)")
            : "from the warehouse as it was; no load has run in the cluster since";
        page.Append(CultureInfo.InvariantCulture,
            $"<p class=\"note\">Dataset version {dataset.Version}, computed {Html.Encode(refreshed)} {Html.Encode(load)}. ");
        page.Append(CultureInfo.InvariantCulture,
            $"It covers today and the warehouse's last {InsightsGrain.Days} days, is computed again after each load, and this page reloads every {ReloadSeconds} s.</p>\n");
        if (dataset.RefreshError is { } error)
        {
            page.Append(CultureInfo.InvariantCulture,
                $"<p class=\"warning\">The numbers below may be out of date. {Html.Encode(error)} The server log has the details (event 5101).</p>\n");
        }
    }

    private static void AppendTransitions(StringBuilder page, IReadOnlyList<DailyStatusCount> transitions)
    {
        page.Append("<h2>Changes per day, by the status they reached</h2>\n");
        if (transitions.Count == 0)
        {
            page.Append("<p>No changes are loaded yet.</p>\n");
            return;
        }

        var max = transitions.Max(item => item.Count);
        page.Append("<table>\n<tr><th>day</th><th>status</th><th>changes</th><th></th></tr>\n");
        foreach (var item in transitions.OrderByDescending(item => item.Day).ThenBy(item => StatusRank(item.Status)))
        {
            page.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{item.Day:yyyy-MM-dd}</td><td>{Html.Encode(item.Status)}</td><td class=\"count\">{item.Count}</td><td>{Bar(item.Count, max, ColorOf(item.Status))}</td></tr>\n");
        }

        page.Append("</table>\n");
    }

    private static void AppendCountries(StringBuilder page, IReadOnlyList<CountryCount> countries)
    {
        page.Append("<h2>Completed submissions by country of the picked place</h2>\n");
        if (countries.Count == 0)
        {
            page.Append("<p>No completed submissions are loaded yet.</p>\n");
            return;
        }

        var max = countries.Max(item => item.Count);
        page.Append("<table>\n<tr><th>country</th><th>submissions</th><th></th></tr>\n");
        foreach (var item in countries)
        {
            var country = item.Country.Length == 0 ? "(no place picked)" : item.Country;
            page.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Html.Encode(country)}</td><td class=\"count\">{item.Count}</td><td>{Bar(item.Count, max, "#3b7dd8")}</td></tr>\n");
        }

        page.Append("</table>\n");
    }

    private static string Bar(long count, long max, string color)
    {
        var width = max > 0 ? Math.Max(1, (int)(BarWidth * count / max)) : 1;
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg width=\"{BarWidth}\" height=\"14\" role=\"img\" aria-label=\"{count}\"><rect width=\"{width}\" height=\"14\" fill=\"{color}\"/></svg>");
    }

    private static int StatusRank(string status)
    {
        var rank = Array.IndexOf(StatusOrder, status);
        return rank < 0 ? StatusOrder.Length : rank;
    }

    private static string ColorOf(string status) => status switch
    {
        "completed" => "#2e9d4f",
        "failed" => "#c8412f",
        "expired" => "#d89b2b",
        _ => "#8a8f98",
    };
}
