using System.Text;
using Microsoft.AspNetCore.Http.Metadata;

namespace Dovetail.Api.Submissions;

/// <summary>
/// Writes a submission document that the grain already rendered, without parsing or re-serialising it.
/// </summary>
public sealed class SubmissionJsonResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string JsonContentType = "application/json; charset=utf-8";

    internal SubmissionJsonResult(int statusCode, string json)
    {
        StatusCode = statusCode;
        Json = json;
    }

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => JsonContentType;

    /// <summary>The submission document as UTF-8 JSON text.</summary>
    public string Json { get; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        var bytes = Encoding.UTF8.GetBytes(Json);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = JsonContentType;
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
