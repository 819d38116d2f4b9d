using Dovetail.Api.Authentication;
using Dovetail.Grains.Abstractions.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Dovetail.Api.Submissions;

public static partial class SubmissionsApi
{
    /// <summary>
    /// The read path: one grain call, or none for a finished submission whose document this gateway holds, and the
    /// rendered document is written as it is.
    /// </summary>
    internal static async Task<Results<SubmissionJsonResult, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        string id,
        HttpContext context,
        SubmissionGrainReferences grains,
        FinalDocumentCache finalDocuments)
    {
        var submissionId = NormalizeId(id);
        if (submissionId is null)
        {
            return NotFoundProblem(context);
        }

        var clientId = context.User.GetClientId();
        if (!finalDocuments.TryGet(clientId, submissionId, out var view))
        {
            var current = await grains.Get(submissionId).GetAsync(clientId);
            if (current is null)
            {
                return NotFoundProblem(context);
            }

            finalDocuments.AddIfFinal(clientId, current);
            view = current;
        }

        // Each client sees only its own submissions, so shared caches must not keep the document.
        context.Response.Headers.CacheControl = "private, no-cache";
        context.Response.Headers.ETag = view.ETag;
        if (EntityTags.IfNoneMatchMatches(context.Request.Headers[HeaderNames.IfNoneMatch], view.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return new SubmissionJsonResult(StatusCodes.Status200OK, view.Utf8Json);
    }
}
