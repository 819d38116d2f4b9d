using System.Text.Json;
using Dovetail.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dovetail.Api.Submissions;

/// <summary>
/// The <c>/v1/submissions</c> resource: create a submission, add its second half, and read it.
/// </summary>
public static partial class SubmissionsApi
{
    public const string RoutePrefix = "/v1/submissions";

    public static RouteGroupBuilder MapSubmissionsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var group = endpoints.MapGroup(RoutePrefix)
            .RequireAuthorization()
            .WithTags("Submissions")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("", CreateAsync)
            .WithName("CreateSubmission")
            .WithSummary("Accepts a submission and starts its enrichment in the background.")
            .Accepts<JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id}/additional-data", AddDataAsync)
            .WithName("AddSubmissionData")
            .WithSummary("Adds the second half of a submission; completes it when enrichment has finished.")
            .Accepts<JsonElement>("application/json")
            .Produces<JsonElement>(StatusCodes.Status200OK)
            .Produces<JsonElement>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/{id}", GetAsync)
            .WithName("GetSubmission")
            .WithSummary("Returns a submission's status and, once complete, the final object.")
            .Produces<JsonElement>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/events", GetEventsAsync)
            .WithName("GetSubmissionEvents")
            .WithSummary("Returns the history of a submission: every committed transition, oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    /// <summary>
    /// Returns the canonical form of a submission id, or null when it is not a GUID and so cannot exist.
    /// </summary>
    internal static string? NormalizeId(string id) =>
        Guid.TryParse(id, out var guid) ? guid.ToString("D") : null;

    internal static ProblemHttpResult NotFoundProblem(HttpContext context) => ApiProblems.Result(
        context,
        StatusCodes.Status404NotFound,
        ProblemCodes.SubmissionNotFound,
        "Submission not found",
        "No submission of this client has this id. Check the id from the Location header of the create response.");

    internal static ProblemHttpResult BodyProblem(HttpContext context, Json.JsonBodyError error)
    {
        KeyValuePair<string, object?>[] extensions = error.BytePosition is { } position
            ? [new("bytePosition", position)]
            : [];
        return ApiProblems.Result(
            context, error.Status, error.Code, error.Title, error.Detail, error.Field, extensions);
    }

    internal static ILogger CreateLogger(ILoggerFactory loggerFactory) =>
        loggerFactory.CreateLogger(typeof(SubmissionsApi).FullName!);
}
