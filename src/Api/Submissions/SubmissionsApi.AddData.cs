using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dovetail.Api.Authentication;
using Dovetail.Api.Correlation;
using Dovetail.Api.Hosting;
using Dovetail.Api.Json;
using Dovetail.Api.Logging;
using Dovetail.Api.Problems;
using Dovetail.Grains.Abstractions.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dovetail.Api.Submissions;

public static partial class SubmissionsApi
{
    internal static async Task<Results<SubmissionJsonResult, ProblemHttpResult>> AddDataAsync(
        string id,
        HttpContext context,
        JsonBodyReader bodyReader,
        IGrainFactory grains,
        IOptions<ApiOptions> options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = CreateLogger(loggerFactory);
        var clientId = context.User.GetClientId();
        var correlationId = CorrelationIds.Get(context);

        var submissionId = NormalizeId(id);
        if (submissionId is null)
        {
            return NotFoundProblem(context);
        }

        var (body, error) = await bodyReader.ReadAsync(context.Request, cancellationToken);
        if (body is not null && IsEmptyObject(body, options.Value.MaxJsonDepth))
        {
            error = new JsonBodyError(
                StatusCodes.Status400BadRequest,
                ProblemCodes.ValidationFailed,
                "Validation failed",
                "The additional data is an empty object. Send at least one property.");
        }

        if (error is not null || body is null)
        {
            ApiLog.BodyRejected(logger, error?.Code, clientId, correlationId);
            return BodyProblem(context, error!);
        }

        var command = new AddDataCommand(
            clientId,
            Encoding.UTF8.GetString(body),
            Convert.ToHexStringLower(SHA256.HashData(body)),
            correlationId);
        var result = await grains.GetGrain<ISubmissionGrain>(submissionId).AddDataAsync(command);
        ApiLog.AdditionalDataHandled(logger, submissionId, clientId, correlationId, result.Outcome);

        return result switch
        {
            { Outcome: AddDataOutcome.Completed, View: { } view } => Document(context, StatusCodes.Status200OK, view),
            { Outcome: AddDataOutcome.Stored, View: { } view } => Document(context, StatusCodes.Status202Accepted, view),
            { Outcome: AddDataOutcome.ConflictingData } => Conflict(
                context,
                ProblemCodes.AdditionalDataConflict,
                "Additional data conflict",
                "Different additional data was already stored for this submission. It cannot be replaced."),
            { Outcome: AddDataOutcome.Expired } => Conflict(
                context,
                ProblemCodes.SubmissionExpired,
                "Submission expired",
                "The deadline for additional data has passed. Create a new submission."),
            { Outcome: AddDataOutcome.Failed, View: var view } => Conflict(
                context,
                ProblemCodes.SubmissionFailed,
                "Submission failed",
                $"Enrichment of this submission failed ({view?.FailureReason ?? "no reason recorded"}), so it "
                    + "cannot complete. Create a new submission."),
            _ => NotFoundProblem(context),
        };
    }

    private static SubmissionJsonResult Document(HttpContext context, int status, SubmissionView view)
    {
        context.Response.Headers.ETag = view.ETag;
        return new SubmissionJsonResult(status, view.Utf8Json);
    }

    private static ProblemHttpResult Conflict(HttpContext context, string code, string title, string detail) =>
        ApiProblems.Result(context, StatusCodes.Status409Conflict, code, title, detail);

    private static bool IsEmptyObject(byte[] body, int maxDepth)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = maxDepth + 1 });
        return !document.RootElement.EnumerateObject().Any();
    }
}
