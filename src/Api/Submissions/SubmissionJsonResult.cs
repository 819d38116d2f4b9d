using Microsoft.AspNetCore.Http.Metadata;

namespace Dovetail.Api.Submissions;

/// <summary>
/// Writes a submission document that the grain already rendered as UTF-8, without parsing, re-serialising or
/// encoding it.
/// </summary>
public sealed class SubmissionJsonResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string JsonContentType = "application/json; charset=utf-8";

    internal SubmissionJsonResult(int statusCode, ReadOnlyMemory<byte> utf8Json)
    {
        StatusCode = statusCode;
        Utf8Json = utf8Json;
    }

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => JsonContentType;

    /// <summary>The submission document as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = Utf8Json.Length;
        return response.BodyWriter.WriteAsync(Utf8Json, httpContext.RequestAborted).AsTask();
    }
}
