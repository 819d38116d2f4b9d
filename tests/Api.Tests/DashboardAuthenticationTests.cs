using System.Net;
using Dovetail.Api.Authentication;
using Xunit;

namespace Dovetail.Api.Tests;

/// <summary>
/// With <c>Dashboard:RequireAuthentication</c> on, the gateway serves the dashboard only to callers with an API
/// key. The default (off) is covered by the operations endpoint tests.
/// </summary>
public sealed class DashboardAuthenticationTests(DashboardAuthenticationFactory factory)
    : IClassFixture<DashboardAuthenticationFactory>
{
    [Fact]
    public async Task Dashboard_WithoutKey_Is401()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/dashboard/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WithUnknownKey_Is401()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, "not-a-configured-key");

        using var response = await client.GetAsync("/dashboard/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WithKey_IsServed()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, DashboardAuthenticationFactory.Key);

        using var response = await client.GetAsync("/dashboard/", TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/insights/")]
    [InlineData("/insights/data")]
    public async Task Insights_WithoutKey_Is401(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Insights_WithKey_IsServed()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, DashboardAuthenticationFactory.Key);

        using var response = await client.GetAsync("/insights/", TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Dovetail insights", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_StaysOpenWithoutKey()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
