using Dovetail.Api.Logging;
using Dovetail.Api.Problems;
using Dovetail.Grains.Telemetry;

namespace Dovetail.Api.Correlation;

/// <summary>
/// Takes the correlation id from <c>X-Correlation-Id</c> or creates one, and echoes it on every response.
/// A malformed header is rejected with 400, because a value that cannot be logged safely must not travel on.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var headerValues = context.Request.Headers[CorrelationIds.HeaderName];
        var supplied = headerValues.Count == 1 ? headerValues[0] : null;
        var valid = headerValues.Count == 0 || CorrelationIds.IsValid(supplied);
        var correlationId = headerValues.Count == 1 && valid ? supplied! : CorrelationIds.NewId();
        CorrelationIds.Set(context, correlationId);

        // The header is set before anything is written. The exception handler clears the response headers, so it
        // sets the header again before it writes its problem document.
        context.Response.Headers[CorrelationIds.HeaderName] = correlationId;

        using var scope = logger.BeginScope(new CorrelationLogScope(correlationId));
        if (!valid)
        {
            ApiLog.InvalidCorrelationId(logger, correlationId);
            var problem = ApiProblems.Create(
                context,
                StatusCodes.Status400BadRequest,
                ProblemCodes.InvalidHeader,
                "Invalid header",
                $"{CorrelationIds.HeaderName} must be sent once, with 1 to {CorrelationIds.MaxLength} characters "
                    + "of A-Z, a-z, 0-9, '.', '_', ':' or '-'. Omit it to have one generated.",
                CorrelationIds.HeaderName);
            await ProblemWriter.WriteAsync(context, problem);
            return;
        }

        // Grain calls made while serving the request carry the id in the Orleans request context, so grains can
        // log it even for calls whose messages have no correlation field. Disposing restores the previous value.
        using var requestContext = CorrelationContext.Begin(correlationId);
        await next(context);
    }
}
