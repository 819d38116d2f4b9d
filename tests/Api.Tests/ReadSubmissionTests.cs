using System.Net;
using System.Net.Http.Headers;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class ReadSubmissionTests(ApiFactory factory)
{
    [Fact]
    public async Task Get_OwnSubmission_Returns200WithETag()
    {
        using var client = factory.CreateApiClient();
        var id = await CreateAsync(client);

        using var response = await client.GetAsync($"/v1/submissions/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.ContentType());
        Assert.NotNull(response.Headers.ETag);
        var body = await response.ReadJsonAsync();
        Assert.Equal(id, body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Head_OwnSubmission_ReturnsHeadersWithoutBody()
    {
        using var client = factory.CreateApiClient();
        var id = await CreateAsync(client);
        await WaitForStatusAsync(client, id, "awaiting-data");
        using var get = await client.GetAsync($"/v1/submissions/{id}", TestContext.Current.CancellationToken);

        using var head = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Head, $"/v1/submissions/{id}"), TestContext.Current.CancellationToken);
        var body = await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Head_OtherClientsSubmission_Returns404()
    {
        using var owner = factory.CreateApiClient();
        using var other = factory.CreateApiClient(ApiFactory.KeyB);
        var id = await CreateAsync(owner);

        using var head = await other.SendAsync(
            new HttpRequestMessage(HttpMethod.Head, $"/v1/submissions/{id}/events"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Get_IfNoneMatchWithCurrentTag_Returns304(bool weak)
    {
        using var client = factory.CreateApiClient();
        var id = await CreateAsync(client);

        // Enrichment changes the version in the background; once it is done the tag stays put between the GETs.
        await WaitForStatusAsync(client, id, "awaiting-data");
        using var first = await client.GetAsync($"/v1/submissions/{id}", TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag!.Tag;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/submissions/{id}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag, weak));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Get_IfNoneMatchStar_Returns304()
    {
        using var client = factory.CreateApiClient();
        var id = await CreateAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/submissions/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Get_IfNoneMatchWithOtherTag_Returns200()
    {
        using var client = factory.CreateApiClient();
        var id = await CreateAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/submissions/{id}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_CompletedSubmission_KeepsEveryDigitOfLargeInteger()
    {
        using var client = factory.CreateApiClient();
        const string digits = "1234567890123456789012345";
        var id = await CreateAsync(client, """{"place":{"name":"Berlin","country":"DE"},"ref":""" + digits + "}");
        using var added = await client.PostJsonAsync($"/v1/submissions/{id}/additional-data", """{"email":"a@example.com"}""");

        var text = await WaitForStatusAsync(client, id, "completed");

        Assert.True(added.IsSuccessStatusCode);
        Assert.Matches($"\"ref\"\\s*:\\s*{digits}[^0-9.eE]", text);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync($"/v1/submissions/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType());
        Assert.Equal("submission_not_found", await response.ReadProblemCodeAsync());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    public async Task Get_MalformedId_Returns404Problem(string id)
    {
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync($"/v1/submissions/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("submission_not_found", await response.ReadProblemCodeAsync());
    }

    [Fact]
    public async Task Get_AnotherClientsSubmission_Returns404()
    {
        using var owner = factory.CreateApiClient(ApiFactory.KeyA);
        using var other = factory.CreateApiClient(ApiFactory.KeyB);
        var id = await CreateAsync(owner);

        using var response = await other.GetAsync($"/v1/submissions/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("submission_not_found", await response.ReadProblemCodeAsync());
    }

    /// <summary>Polls the submission until it has <paramref name="status"/>, for at most 20 seconds.</summary>
    private static async Task<string> WaitForStatusAsync(HttpClient client, string id, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var text = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync($"/v1/submissions/{id}", TestContext.Current.CancellationToken);
            text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (text.Contains($"\"status\":\"{status}\"", StringComparison.Ordinal))
            {
                return text;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Submission {id} did not reach status {status} within 20 seconds; last document: {text}");
        return text;
    }

    private static async Task<string> CreateAsync(HttpClient client, string body = HttpTestExtensions.ValidBody)
    {
        using var response = await client.CreateSubmissionAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }
}
