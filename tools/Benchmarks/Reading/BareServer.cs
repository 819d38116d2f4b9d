using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// The reference for the read benchmark: a minimal ASP.NET Core app that serves one fixed JSON document from
/// memory at <c>GET /document</c>, with the host defaults the API also uses.
/// </summary>
internal static class BareServer
{
    public const string DocumentPath = "document";

    /// <summary>Serves the bytes of <paramref name="documentPath"/> until the process is stopped.</summary>
    /// <param name="hostArguments">Host arguments such as <c>--urls</c> and log levels.</param>
    public static async Task RunAsync(string documentPath, string[] hostArguments)
    {
        var document = await File.ReadAllBytesAsync(documentPath);
        var builder = WebApplication.CreateBuilder(hostArguments);
        var app = builder.Build();

        app.MapGet("/" + DocumentPath, async context =>
        {
            // The same headers the API's document result sets: status, content type and length.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = document.Length;
            await context.Response.Body.WriteAsync(document, context.RequestAborted);
        });

        await app.RunAsync();
    }
}
