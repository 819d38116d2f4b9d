using Dovetail.Grains.Abstractions.Submissions;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Dovetail.Api.Submissions;

/// <summary>
/// A cached document of a finished submission with what every read of it needs, computed once: the entity tag as
/// header text and in parsed form, and the result that writes the body.
/// </summary>
internal sealed class FinalDocument
{
    public FinalDocument(SubmissionView view)
    {
        ArgumentNullException.ThrowIfNull(view);

        View = view;
        var etag = view.ETag;
        ETag = etag;
        EntityTag = new EntityTagHeaderValue(etag);
        Result = new SubmissionJsonResult(StatusCodes.Status200OK, view.Utf8Json);
    }

    public SubmissionView View { get; }

    /// <summary>The <c>ETag</c> header value, held as <see cref="StringValues"/> so setting it allocates nothing.</summary>
    public StringValues ETag { get; }

    public EntityTagHeaderValue EntityTag { get; }

    /// <summary>The 200 response. It keeps no per-request state, so every read of the document shares it.</summary>
    public SubmissionJsonResult Result { get; }
}
