using System.Net;
using Xunit;

namespace Dovetail.Api.Tests;

/// <summary>
/// Correlation ids, framework errors as problem documents, OpenAPI and health endpoints.
/// </summary>
public sealed class ProtocolTests(ApiFactory factory)
{
    [Fact]
    public async Task CorrelationId_Supplied_IsEchoed()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.PostJsonAsync(
            "/v1/submissions", "not json", new Dictionary<string, string> { ["X-Correlation-Id"] = "order-42:retry.1_a" });

        Assert.Equal("order-42:retry.1_a", response.Header("X-Correlation-Id"));
        Assert.Equal("order-42:retry.1_a", (await response.ReadJsonAsync()).GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task CorrelationId_Absent_IsGenerated()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync($"/v1/submissions/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Matches("^[0-9a-f]{32}$", response.Header("X-Correlation-Id"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/not-allowed")]
    [InlineData("")]
    public async Task CorrelationId_Invalid_Returns400(string value)
    {
        using var client = factory.CreateApiClient();

        using var response = await client.PostJsonAsync(
            "/v1/submissions", HttpTestExtensions.ValidBody, new Dictionary<string, string> { ["X-Correlation-Id"] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("invalid_header", problem.GetProperty("code").GetString());
        Assert.Equal("X-Correlation-Id", problem.GetProperty("field").GetString());
        Assert.NotNull(response.Header("X-Correlation-Id"));
    }

    [Fact]
    public async Task CorrelationId_LongerThan128_Returns400()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.PostJsonAsync(
            "/v1/submissions", HttpTestExtensions.ValidBody, new Dictionary<string, string> { ["X-Correlation-Id"] = new string('c', 129) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync("/v2/nothing", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType());
        Assert.Equal("not_found", await response.ReadProblemCodeAsync());
    }

    [Fact]
    public async Task WrongMethod_Returns405Problem()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.DeleteAsync($"/v1/submissions/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType());
        Assert.Equal("method_not_allowed", await response.ReadProblemCodeAsync());
    }

    [Fact]
    public async Task OpenApi_IsServedWithoutKey()
    {
        using var client = factory.CreateApiClient(apiKey: null);

        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/submissions", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/submissions/{id}", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/submissions/{id}/additional-data", out _));
    }

    [Fact]
    public async Task HealthLive_Returns200WithoutKey()
    {
        using var client = factory.CreateApiClient(apiKey: null);

        using var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthReady_WithRunningSilo_Returns200()
    {
        using var client = factory.CreateApiClient(apiKey: null);

        using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
