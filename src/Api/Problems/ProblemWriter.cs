using Microsoft.AspNetCore.Mvc;

namespace Dovetail.Api.Problems;

/// <summary>
/// Writes problem documents from middleware, where no endpoint result is available.
/// </summary>
internal static class ProblemWriter
{
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem, Exception? exception = null)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await service.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });

        // The default writer declines when the Accept header excludes JSON; the client still gets the document,
        // because an error without its code is harder to act on than a media type it did not ask for.
        if (!written)
        {
            await context.Response.WriteAsJsonAsync(
                problem,
                ProblemJsonContext.Default.ProblemDetails,
                contentType: "application/problem+json",
                cancellationToken: context.RequestAborted);
        }
    }
}
