using Dovetail.Grains.Abstractions.Insights;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dovetail.Grains.Insights;

/// <summary>
/// Maps the insights dashboard on a host with access to the cluster: the page at <c>/insights</c> and its dataset
/// as JSON at <c>/insights/data</c>. Both read the insights grain's cached dataset.
/// </summary>
public static class InsightsEndpoints
{
    public const string RoutePrefix = "/insights";

    /// <summary>Maps the two endpoints and returns their group, so the host can require authorization on it.</summary>
    public static RouteGroupBuilder MapDovetailInsights(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var group = endpoints.MapGroup(RoutePrefix).ExcludeFromDescription();
        group.MapGet("/", async (IGrainFactory grains) =>
        {
            var dataset = await grains.GetGrain<IInsightsGrain>(0).GetAsync();
            return Results.Content(InsightsPage.Render(dataset), "text/html; charset=utf-8");
        });
        group.MapGet("/data", async (IGrainFactory grains) => Results.Ok(await grains.GetGrain<IInsightsGrain>(0).GetAsync()));
        return group;
    }
}
