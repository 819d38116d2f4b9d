using Dovetail.Api.Correlation;
using Dovetail.Api.Logging;
using Dovetail.Grains.Abstractions.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace Dovetail.Api.Problems;

/// <summary>
/// Turns exceptions that escape an endpoint into problem documents without stack traces. Orleans being
/// unreachable or slow, or a grain failing to store a change, is a 503 with <c>Retry-After</c>, so clients retry
/// instead of giving up.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying after a 503.</summary>
    internal const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken)
    {
        // The exception handler middleware cleared the response, including the correlation header.
        var correlationId = CorrelationIds.Get(httpContext);
        httpContext.Response.Headers[CorrelationIds.HeaderName] = correlationId;
        Microsoft.AspNetCore.Mvc.ProblemDetails problem;
        switch (exception)
        {
            case StoreUnavailableException:
                ApiLog.StoreUnavailable(logger, exception, httpContext.Request.Path, correlationId);
                problem = Unavailable(httpContext, "The submission store could not save the request, and nothing was stored.");
                break;

            case TimeoutException or OrleansMessageRejectionException or SiloUnavailableException:
                ApiLog.ClusterUnavailable(logger, exception, httpContext.Request.Path, correlationId);
                problem = Unavailable(httpContext, "The submission store did not respond in time.");
                break;

            case BadHttpRequestException badRequest:
                ApiLog.BadHttpRequest(logger, badRequest.StatusCode, httpContext.Request.Path, correlationId);
                problem = ApiProblems.Create(
                    httpContext,
                    badRequest.StatusCode,
                    ProblemCodes.BadRequest,
                    "Bad request",
                    "The server could not read the request. Check the framing, headers and body and send it again.");
                break;

            default:
                ApiLog.UnhandledException(logger, exception, httpContext.Request.Path, correlationId);
                problem = ApiProblems.Create(
                    httpContext,
                    StatusCodes.Status500InternalServerError,
                    ProblemCodes.InternalError,
                    "Internal server error",
                    $"An unexpected error occurred. Report the correlation id {correlationId} to the operators.");
                break;
        }

        await ProblemWriter.WriteAsync(httpContext, problem, exception);
        return true;
    }

    // Both kinds of outage pass with time, so the response carries Retry-After.
    private static Microsoft.AspNetCore.Mvc.ProblemDetails Unavailable(HttpContext httpContext, string cause)
    {
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiProblems.Create(
            httpContext,
            StatusCodes.Status503ServiceUnavailable,
            ProblemCodes.ServiceUnavailable,
            "Service unavailable",
            $"{cause} Retry after {RetryAfterSeconds} seconds.");
    }
}
