using System.Globalization;
using Dovetail.Grains.Abstractions.Problems;
using Dovetail.Grains.Abstractions.Storage;
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

    /// <summary>Seconds a client should wait before retrying after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Maps the endpoint and returns its group, so the host can require authorization on it.</summary>
    public static RouteGroupBuilder MapDovetailWarehouse(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var group = endpoints.MapGroup(RoutePrefix).ExcludeFromDescription();
        group.MapPost("/loads/{day}", LoadAsync);
        return group;
    }

    private static async Task<IResult> LoadAsync(string day, string? force, IGrainFactory grains, TimeProvider time)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return Problem(
                StatusCodes.Status400BadRequest,
                "invalid_day",
                "Invalid day",
                $"'{day}' is not a day. Give a UTC day as YYYY-MM-DD, such as 2026-12-03.",
                "day");
        }

        if (parsed > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
        {
            return Problem(
                StatusCodes.Status400BadRequest,
                "invalid_day",
                "Invalid day",
                $"{day} is after today (UTC), so the lake has nothing for it yet. Give today or an earlier day.",
                "day");
        }

        var forced = false;
        if (force is not null && !bool.TryParse(force, out forced))
        {
            return Problem(
                StatusCodes.Status400BadRequest,
                "invalid_parameter",
                "Invalid parameter",
                $"force must be true or false, not '{force}'.",
                "force");
        }

        try
        {
            return Results.Ok(await grains.GetGrain<IWarehouseLoadGrain>(0).LoadAsync(parsed, forced));
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
                "Warehouse load failed",
                $"{exception.Message.TrimEnd('.')}. The day keeps its previous rows; repair the lake and load the day again.",
                null);
        }
        catch (StoreUnavailableException exception)
        {
            return Problem(
                StatusCodes.Status503ServiceUnavailable,
                "service_unavailable",
                "Service unavailable",
                $"{exception.Message} The day keeps its previous rows. Retry after {RetryAfterSeconds} seconds; the silo log has the cause (event 5007).",
                null,
                retryAfter: true);
        }
    }

    private static IResult Problem(int status, string code, string title, string detail, string? field, bool retryAfter = false)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        var problem = Results.Problem(
            detail: detail, statusCode: status, title: title, type: ProblemTypes.Of(code), extensions: extensions);
        return retryAfter ? new RetryAfterResult(problem) : problem;
    }

    /// <summary>Adds <c>Retry-After</c> to a result, so clients wait before they try again.</summary>
    private sealed class RetryAfterResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
