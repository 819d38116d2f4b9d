using System.Globalization;
using Dovetail.Grains.Abstractions.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dovetail.Grains.Warehouse;

/// <summary>
/// Maps <c>POST /warehouse/loads/{day}</c>, which loads one day through the cluster's load grain, so operators can
/// run a load over HTTP as the daily reminder does, and the insights dashboard refreshes after it.
/// </summary>
public static class WarehouseEndpoints
{
    public const string RoutePrefix = "/warehouse";

    /// <summary>Maps the endpoint and returns its group, so the host can require authorization on it.</summary>
    public static RouteGroupBuilder MapDovetailWarehouse(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var group = endpoints.MapGroup(RoutePrefix).ExcludeFromDescription();
        group.MapPost("/loads/{day}", LoadAsync);
        return group;
    }

    private static async Task<IResult> LoadAsync(string day, bool? force, IGrainFactory grains)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return Problem(
                StatusCodes.Status400BadRequest,
                "invalid_day",
                $"'{day}' is not a day. Give a UTC day as YYYY-MM-DD, such as 2026-12-03.",
                "day");
        }

        try
        {
            return Results.Ok(await grains.GetGrain<IWarehouseLoadGrain>(0).LoadAsync(parsed, force ?? false));
        }
        catch (TimeoutException)
        {
            // The grain call timed out, but the load goes on in the grain and finishes there.
            return Results.Accepted(value: new
            {
                day = parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                outcome = "running",
                detail = "The load takes longer than a grain call may and goes on in the cluster. Its outcome shows in "
                    + "the silo log (event 5000) and on /insights; a later call without force answers 'unchanged'.",
            });
        }
        catch (WarehouseLoadException exception)
        {
            return Problem(
                StatusCodes.Status409Conflict,
                "warehouse_load_failed",
                $"{exception.Message} The day keeps its previous rows; repair the lake object and load the day again.",
                null);
        }
    }

    private static IResult Problem(int status, string code, string detail, string? field)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        return Results.Problem(detail: detail, statusCode: status, extensions: extensions);
    }
}
