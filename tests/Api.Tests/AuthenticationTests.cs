using System.Net;
using System.Net.Http.Headers;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class AuthenticationTests(ApiFactory factory)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("")]
    public async Task Request_WithoutValidKey_Returns401Problem(string? apiKey)
    {
        using var client = factory.CreateApiClient(apiKey);

        using var response = await client.CreateSubmissionAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType());
        var problem = await response.ReadJsonAsync();
        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal(response.Header("X-Correlation-Id"), problem.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Get_WithoutKey_Returns401()
    {
        using var client = factory.CreateApiClient(apiKey: null);

        using var response = await client.GetAsync($"/v1/submissions/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithBearerKey_IsAuthenticated()
    {
        using var client = factory.CreateApiClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.KeyB);

        using var response = await client.GetAsync($"/v1/submissions/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithRejectedBody_IsStillUnauthorizedFirst()
    {
        using var client = factory.CreateApiClient(apiKey: null);

        using var response = await client.CreateSubmissionAsync("not json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
