using Dovetail.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dovetail.Api.Submissions;

/// <summary>
/// The <c>/v1/submissions</c> resource: create a submission, add its second half, and read it.
/// </summary>
public static partial class SubmissionsApi
{
    public const string RoutePrefix = "/v1/submissions";

    // Each client sees only its own submissions, so shared caches must not keep a document or a timeline, and a
    // private cache must revalidate because both change as the submission moves on.
    internal const string PrivateNoCache = "private, no-cache";

    public static RouteGroupBuilder MapSubmissionsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Every request may fail with 400, because the correlation middleware rejects a malformed X-Correlation-Id.
        var group = endpoints.MapGroup(RoutePrefix)
            .RequireAuthorization()
            .WithTags("Submissions")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // The POST endpoints declare no Accepts metadata, because routing would then reject another content type with
        // a bare 415 before authentication. Without it, the handler's body reader returns a 415 naming the header.
        group.MapPost("", CreateAsync)
            .WithName("CreateSubmission")
            .WithSummary("Accepts a submission and starts its enrichment in the background.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AddOpenApiOperationTransformer(DescribeCreate);

        group.MapPost("/{id}/additional-data", AddDataAsync)
            .WithName("AddSubmissionData")
            .WithSummary("Adds the second half of a submission; completes it when enrichment has finished.")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(DescribeAddData);

        group.MapGet("/{id}", GetAsync)
            .WithName("GetSubmission")
            .WithSummary("Returns a submission's status and, once complete, the final object.")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(DescribeGet);

        group.MapGet("/{id}/events", GetEventsAsync)
            .WithName("GetSubmissionEvents")
            .WithSummary("Returns the history of a submission: every committed transition, oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(DescribeEvents);

        // HEAD returns what GET returns without the body (Kestrel drops it), as HTTP expects wherever GET works. It is
        // left out of the OpenAPI document, which would otherwise list each read twice under one operation id.
        group.MapMethods("/{id}", [HttpMethods.Head], GetAsync).ExcludeFromDescription();
        group.MapMethods("/{id}/events", [HttpMethods.Head], GetEventsAsync).ExcludeFromDescription();

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
