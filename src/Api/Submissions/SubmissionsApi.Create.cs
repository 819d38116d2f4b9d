using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dovetail.Api.Authentication;
using Dovetail.Api.Correlation;
using Dovetail.Api.Hosting;
using Dovetail.Api.Json;
using Dovetail.Api.Logging;
using Dovetail.Api.Problems;
using Dovetail.Grains.Abstractions.Idempotency;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Abstractions.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dovetail.Api.Submissions;

public static partial class SubmissionsApi
{
    internal static async Task<Results<Accepted<SubmissionAccepted>, ProblemHttpResult>> CreateAsync(
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

        if (!IdempotencyKeyHeader.TryRead(context.Request.Headers[IdempotencyKeyHeader.HeaderName], out var key))
        {
            return ApiProblems.Result(
                context,
                StatusCodes.Status400BadRequest,
                ProblemCodes.InvalidHeader,
                "Invalid header",
                $"{IdempotencyKeyHeader.HeaderName} must be sent once, with 1 to {IdempotencyKeys.MaxLength} "
                    + "visible ASCII characters (no spaces). A UUID is a good choice.",
                IdempotencyKeyHeader.HeaderName);
        }

        // Validation happens before any grain call, so a rejected body stores nothing and uses up no key.
        var (body, error) = await bodyReader.ReadAsync(context.Request, cancellationToken);
        var query = body is null ? null : ReadPlace(body, options.Value.MaxJsonDepth, ref error);
        if (error is not null || body is null || query is null)
        {
            ApiLog.BodyRejected(logger, error?.Code, clientId, correlationId);
            return BodyProblem(context, error!);
        }

        // The request's own span, when tracing is on, is a child of the client's traceparent in the same trace. The
        // header is the fallback when no span was started.
        var traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity
            ? activity.Id!
            : context.Request.Headers[TraceParents.HeaderName].ToString();
        var command = new CreateSubmissionCommand(
            clientId,
            Encoding.UTF8.GetString(body),
            Convert.ToHexStringLower(SHA256.HashData(body)),
            query,
            correlationId,
            TraceParents.IsValid(traceParent) ? traceParent : null,
            key);

        var result = key is null
            ? await grains.GetGrain<ISubmissionGrain>(IdempotencyKeys.NewSubmissionId()).CreateAsync(command)
            : await grains.GetGrain<IIdempotencyKeyGrain>(IdempotencyKeys.GrainKey(clientId, key)).CreateAsync(command);

        if (result.Outcome == CreateSubmissionOutcome.KeyReusedWithDifferentBody || result.View is null)
        {
            ApiLog.IdempotencyKeyReused(logger, clientId, correlationId);
            return ApiProblems.Result(
                context,
                StatusCodes.Status422UnprocessableEntity,
                ProblemCodes.IdempotencyKeyReused,
                "Idempotency key reused",
                "This Idempotency-Key was used before with a different request body. Send a new key for a new "
                    + "submission, or the original body to retry the original request.",
                IdempotencyKeyHeader.HeaderName);
        }

        var view = result.View;
        if (result.Outcome == CreateSubmissionOutcome.Replayed)
        {
            context.Response.Headers[IdempotencyKeyHeader.ReplayedHeaderName] = "true";
        }

        ApiLog.SubmissionAccepted(logger, view.Id, clientId, view.CorrelationId, result.Outcome);

        // A replay returns the correlation id of the original request, which is the one the submission carries.
        return TypedResults.Accepted(
            $"{RoutePrefix}/{view.Id}",
            new SubmissionAccepted(view.Id, view.Status.ToWireName(), view.CorrelationId));
    }

    private static PlaceQuery? ReadPlace(byte[] body, int maxDepth, ref JsonBodyError? error)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = maxDepth + 1 });
        return PlaceValidator.Read(document.RootElement, out error);
    }
}
