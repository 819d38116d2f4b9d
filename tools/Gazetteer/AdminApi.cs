using Microsoft.AspNetCore.Http.HttpResults;

namespace Dovetail.Gazetteer;

/// <summary>
/// <c>/admin/*</c>: change faults at run time and read what the stand-in received.
/// </summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin");

        admin.MapGet("/faults", (FaultInjector faults) => TypedResults.Ok(faults.Current));
        admin.MapPut("/faults", ReplaceFaults);
        admin.MapDelete("/faults", (FaultInjector faults, ILogger<FaultInjector> logger) =>
        {
            faults.Replace(GazetteerFaults.None);
            GazetteerLog.FaultsReset(logger);
            return TypedResults.NoContent();
        });

        admin.MapGet("/requests", (RequestRecorder recorder) => TypedResults.Ok(recorder.Snapshot()));
        admin.MapDelete("/requests", (RequestRecorder recorder) =>
        {
            recorder.Clear();
            return TypedResults.NoContent();
        });

        admin.MapGet("/stats", (RequestRecorder recorder) => TypedResults.Ok(recorder.Stats()));
        return endpoints;
    }

    private static Results<Ok<GazetteerFaults>, ValidationProblem> ReplaceFaults(
        GazetteerFaults faults, FaultInjector injector, ILogger<FaultInjector> logger)
    {
        var errors = faults.Validate();
        if (errors.Count > 0)
        {
            GazetteerLog.FaultsRejected(logger, string.Join(" ", errors));
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["faults"] = [.. errors] });
        }

        injector.Replace(faults);
        GazetteerLog.FaultsReplaced(logger, faults);
        return TypedResults.Ok(injector.Current);
    }
}
