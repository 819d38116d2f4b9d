using Dovetail.Api.Authentication;
using Dovetail.Grains.Abstractions.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dovetail.Api.Submissions;

public static partial class SubmissionsApi
{
    /// <summary>
    /// The timeline: every committed transition of a submission with its time, cause, attempts, correlation id and
    /// trace id, so one submission can be followed across requests.
    /// </summary>
    internal static async Task<Results<Ok<SubmissionTimeline>, ProblemHttpResult>> GetEventsAsync(
        string id,
        HttpContext context,
        SubmissionGrainReferences grains)
    {
        var submissionId = NormalizeId(id);
        if (submissionId is null)
        {
            return NotFoundProblem(context);
        }

        var transitions = await grains.Get(submissionId).GetTimelineAsync(context.User.GetClientId());
        if (transitions is null)
        {
            return NotFoundProblem(context);
        }

        var events = transitions
            .Select(transition => new SubmissionEvent(
                transition.Version,
                transition.Status.ToWireName(),
                transition.At,
                transition.Cause,
                transition.CorrelationId,
                transition.Attempts,
                transition.TraceId))
            .ToList();
        context.Response.Headers.CacheControl = PrivateNoCache;
        return TypedResults.Ok(new SubmissionTimeline(submissionId, events));
    }
}
