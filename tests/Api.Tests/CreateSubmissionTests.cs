using System.Net;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class CreateSubmissionTests(ApiFactory factory)
{
    [Fact]
    public async Task Create_ValidBody_Returns202WithLocationAndBody()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.CreateSubmissionAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var id = body.GetProperty("id").GetString();
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal($"/v1/submissions/{id}", response.Headers.Location?.OriginalString);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("status").GetString()));
        Assert.Equal(response.Header("X-Correlation-Id"), body.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Create_WithoutKey_CreatesNewSubmissionEachTime()
    {
        using var client = factory.CreateApiClient();

        using var first = await client.CreateSubmissionAsync();
        using var second = await client.CreateSubmissionAsync();

        var firstId = (await first.ReadJsonAsync()).GetProperty("id").GetString();
        var secondId = (await second.ReadJsonAsync()).GetProperty("id").GetString();
        Assert.NotEqual(firstId, secondId);
    }

    [Fact]
    public async Task Create_SameKeySameBody_ReplaysSameId()
    {
        using var client = factory.CreateApiClient();
        var key = Guid.NewGuid().ToString();

        using var first = await client.CreateSubmissionAsync(idempotencyKey: key);
        using var replay = await client.CreateSubmissionAsync(idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Null(first.Header("Idempotent-Replayed"));
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        var firstId = (await first.ReadJsonAsync()).GetProperty("id").GetString();
        var replayId = (await replay.ReadJsonAsync()).GetProperty("id").GetString();
        Assert.Equal(firstId, replayId);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
    }

    [Fact]
    public async Task Create_SameKeyDifferentBody_Returns422()
    {
        using var client = factory.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        using var first = await client.CreateSubmissionAsync(idempotencyKey: key);

        using var response = await client.CreateSubmissionAsync(
            """{"place":{"name":"Hamburg","country":"DE"}}""", key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType());
        Assert.Equal("idempotency_key_reused", await response.ReadProblemCodeAsync());
    }

    [Fact]
    public async Task Create_SameKeyOfAnotherClient_CreatesSeparateSubmission()
    {
        using var clientA = factory.CreateApiClient(ApiFactory.KeyA);
        using var clientB = factory.CreateApiClient(ApiFactory.KeyB);
        var key = Guid.NewGuid().ToString();

        using var first = await clientA.CreateSubmissionAsync(idempotencyKey: key);
        using var second = await clientB.CreateSubmissionAsync(idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Null(second.Header("Idempotent-Replayed"));
        var firstId = (await first.ReadJsonAsync()).GetProperty("id").GetString();
        var secondId = (await second.ReadJsonAsync()).GetProperty("id").GetString();
        Assert.NotEqual(firstId, secondId);
    }

    [Fact]
    public async Task Create_TwentyConcurrentRequestsWithSameKey_CreateOneSubmission()
    {
        using var client = factory.CreateApiClient();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => client.CreateSubmissionAsync(idempotencyKey: key)));

        var ids = new HashSet<string?>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                ids.Add((await response.ReadJsonAsync()).GetProperty("id").GetString());
            }
        }

        Assert.Single(ids);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    public async Task Create_InvalidIdempotencyKey_Returns400(string key)
    {
        using var client = factory.CreateApiClient();

        using var response = await client.PostJsonAsync(
            "/v1/submissions", HttpTestExtensions.ValidBody, new Dictionary<string, string> { ["Idempotency-Key"] = key });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_header", await response.ReadProblemCodeAsync());
    }

    [Fact]
    public async Task Create_IdempotencyKeyLongerThan255_Returns400()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.CreateSubmissionAsync(idempotencyKey: new string('k', 256));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_header", await response.ReadProblemCodeAsync());
    }
}
