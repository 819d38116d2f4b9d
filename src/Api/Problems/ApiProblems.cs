using Dovetail.Api.Correlation;
using Dovetail.Grains.Abstractions.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dovetail.Api.Problems;

/// <summary>
/// Builds the API's problem documents (RFC 9457) with a stable <c>code</c>, the faulty <c>field</c> when there is
/// one, and the request's <c>correlationId</c>.
/// </summary>
public static class ApiProblems
{
    public const string TypePrefix = ProblemTypes.Prefix;
    public const string CodeKey = "code";
    public const string FieldKey = "field";
    public const string CorrelationIdKey = "correlationId";

    /// <summary>Returns the <c>type</c> URI of a problem code.</summary>
    public static string TypeOf(string code) => ProblemTypes.Of(code);

    /// <summary>Creates a problem document; extensions beyond code, field and correlation id are optional.</summary>
    public static ProblemDetails Create(
        HttpContext context,
        int status,
        string code,
        string title,
        string detail,
        string? field = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(context);

        var problem = new ProblemDetails
        {
            Type = TypeOf(code),
            Title = title,
            Status = status,
            Detail = detail,
        };
        problem.Extensions[CodeKey] = code;
        if (field is not null)
        {
            problem.Extensions[FieldKey] = field;
        }

        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }

        problem.Extensions[CorrelationIdKey] = CorrelationIds.Get(context);
        return problem;
    }

    /// <summary>Creates a problem result for an endpoint handler.</summary>
    public static ProblemHttpResult Result(
        HttpContext context,
        int status,
        string code,
        string title,
        string detail,
        string? field = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        TypedResults.Problem(Create(context, status, code, title, detail, field, extensions));

    /// <summary>
    /// Fills in code, type and correlation id on problem documents the framework writes itself, such as the
    /// 404 and 405 of routing and the status code pages.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey(CodeKey))
        {
            var code = CodeOfStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Extensions[CodeKey] = code;
            problem.Type = TypeOf(code);
            problem.Detail ??= DetailOfStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
        }

        problem.Extensions[CorrelationIdKey] = CorrelationIds.Get(context.HttpContext);
    }

    private static string CodeOfStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ProblemCodes.BadRequest,
        StatusCodes.Status401Unauthorized => ProblemCodes.Unauthorized,
        StatusCodes.Status403Forbidden => ProblemCodes.Forbidden,
        StatusCodes.Status404NotFound => ProblemCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ProblemCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ProblemCodes.BodyTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ProblemCodes.UnsupportedMediaType,
        StatusCodes.Status503ServiceUnavailable => ProblemCodes.ServiceUnavailable,
        >= 500 => ProblemCodes.InternalError,
        _ => ProblemCodes.BadRequest,
    };

    private static string DetailOfStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized =>
            "A valid API key is required. Send it in the X-Api-Key header or as 'Authorization: Bearer <key>'.",
        StatusCodes.Status404NotFound => "No resource exists at this path.",
        StatusCodes.Status405MethodNotAllowed => "The resource does not support this HTTP method.",
        _ => "The request could not be processed.",
    };
}
