using System.Net;
using Dovetail.Api.Correlation;
using Dovetail.Grains.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dovetail.Api.Tests;

/// <summary>
/// The correlation middleware puts the request's correlation id into the Orleans request context, so every grain
/// call made while serving the request carries it.
/// </summary>
public sealed class CorrelationRequestContextTests
{
    [Fact]
    public async Task SuppliedCorrelationId_IsInRequestContext()
    {
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = AddressOf(app) };
        client.DefaultRequestHeaders.Add(CorrelationIds.HeaderName, "client-chosen-id");

        var seen = await client.GetStringAsync("/context", TestContext.Current.CancellationToken);

        Assert.Equal("client-chosen-id", seen);
    }

    [Fact]
    public async Task GeneratedCorrelationId_IsInRequestContext()
    {
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = AddressOf(app) };

        using var response = await client.GetAsync("/context", TestContext.Current.CancellationToken);
        var seen = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(response.Headers.GetValues(CorrelationIds.HeaderName).Single(), seen);
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.MapGet("/context", () => CorrelationContext.Current ?? "(none)");
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
