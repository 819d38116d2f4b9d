using System.Net;
using Dovetail.Api.Authentication;
using Dovetail.Grains.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dovetail.Api.Tests;

/// <summary>
/// The key check that the silo host puts on its dashboard, on a real Kestrel server with a stand-in page at
/// <c>/dashboard</c> mapped the way the silo host maps the real one.
/// </summary>
public sealed class DashboardKeyAuthenticationTests
{
    private const string Key = "silo-dashboard-key-9b2e";

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData(Key, HttpStatusCode.OK)]
    public async Task Dashboard_ByKey_ReturnsStatus(string? key, HttpStatusCode expected)
    {
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = AddressOf(app) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        }

        using var response = await client.GetAsync("/dashboard", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WithBearerKey_IsServed()
    {
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = AddressOf(app) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Key);

        using var response = await client.GetAsync("/dashboard", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Registration_WithoutKeys_Throws()
    {
        var configuration = new ConfigurationBuilder().Build();

        var exception = Assert.Throws<InvalidOperationException>(
            () => new ServiceCollection().AddDashboardKeyAuthentication(configuration));

        Assert.Contains("Auth:Clients:0:KeyHash", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Clients:0:Id"] = "operator",
            ["Auth:Clients:0:KeyHash"] = ApiClientRegistry.HashKey(Key),
        });
        builder.Services.AddDashboardKeyAuthentication(builder.Configuration);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/dashboard", () => Results.Text("<html></html>", "text/html"))
            .RequireAuthorization(DashboardAuthentication.SchemeName);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
