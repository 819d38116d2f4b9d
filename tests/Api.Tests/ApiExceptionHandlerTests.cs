using System.Text.Json;
using Dovetail.Api.Problems;
using Dovetail.Grains.Abstractions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class ApiExceptionHandlerTests
{
    [Fact]
    public async Task StoreUnavailable_Answers503WithRetryAfter()
    {
        var (context, body) = NewContext();

        var handled = await new ApiExceptionHandler(NullLogger<ApiExceptionHandler>.Instance)
            .TryHandleAsync(context, new StoreUnavailableException("The write failed."), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        using var problem = JsonDocument.Parse(body.ToArray());
        Assert.Equal(ProblemCodes.ServiceUnavailable, problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task OtherException_Answers500WithoutRetryAfter()
    {
        var (context, _) = NewContext();

        await new ApiExceptionHandler(NullLogger<ApiExceptionHandler>.Instance)
            .TryHandleAsync(context, new InvalidOperationException("A bug."), CancellationToken.None);

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Retry-After"));
    }

    private static (DefaultHttpContext Context, MemoryStream Body) NewContext()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Customize)
            .BuildServiceProvider();
        var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = "/v1/submissions";
        context.Response.Body = body;
        return (context, body);
    }
}
