using Dovetail.Api.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
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
        if (finalDocuments.TryGetDocument(clientId, submissionId, out var document))
        {
            return Respond(context, document.ETag, document.EntityTag, document.Result);
        }

        var view = await grains.Get(submissionId).GetAsync(clientId);
        if (view is null)
        {
            return NotFoundProblem(context);
        }

        if (finalDocuments.AddIfFinal(clientId, view) is { } added)
        {
            return Respond(context, added.ETag, added.EntityTag, added.Result);
        }

        var etag = view.ETag;
        return Respond(
            context, etag, new EntityTagHeaderValue(etag), new SubmissionJsonResult(StatusCodes.Status200OK, view.Utf8Json));
    }

    private static Results<SubmissionJsonResult, StatusCodeHttpResult, ProblemHttpResult> Respond(
        HttpContext context, StringValues etag, EntityTagHeaderValue entityTag, SubmissionJsonResult document)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = PrivateNoCache;
        headers.ETag = etag;
        if (EntityTags.IfNoneMatchMatches(context.Request.Headers.IfNoneMatch, entityTag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return document;
    }
}
