using System.Net;
using Xunit;

namespace Dovetail.Api.Tests;

/// <summary>
/// The endpoints operators use respond without an API key, as the README documents.
/// </summary>
public sealed class OperationsEndpointsTests(ApiFactory factory)
{
    [Fact]
    public async Task Liveness_IsHealthy()
    {
        using var client = factory.CreateApiClient(apiKey: null);

        using var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Readiness_ChecksClusterAndIsHealthy()
    {
        using var client = factory.CreateApiClient(apiKey: null);

        using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Dashboard_IsServed()
    {
        using var client = factory.CreateApiClient(apiKey: null);

        using var response = await client.GetAsync("/dashboard/", TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Metrics_AreServedForPrometheus()
    {
        using var client = factory.CreateApiClient(apiKey: null);
        using var warmUp = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
    }
}
