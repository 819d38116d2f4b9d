using System.Net;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class AdditionalDataTests(ApiFactory factory)
{
    [Fact]
    public async Task AddData_NewSubmission_Returns200Or202WithDocument()
    {
        using var client = factory.CreateApiClient();
        var id = await CreateAsync(client);

        using var response = await client.PostJsonAsync($"/v1/submissions/{id}/additional-data", """{"email":"a@example.com"}""");

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted });
        Assert.Equal("application/json", response.ContentType());
        Assert.Equal(id, (await response.ReadJsonAsync()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task AddData_SameDataAgain_ReturnsSuccess()
    {
        using var client = factory.CreateApiClient();
        var id = await CreateAsync(client);
        const string data = """{"email":"a@example.com"}""";
        using var first = await client.PostJsonAsync($"/v1/submissions/{id}/additional-data", data);

        using var again = await client.PostJsonAsync($"/v1/submissions/{id}/additional-data", data);

        Assert.True(first.IsSuccessStatusCode);
        Assert.True(again.IsSuccessStatusCode);
    }

    [Fact]
    public async Task AddData_DifferentDataAfterStored_Returns409()
    {
        using var client = factory.CreateApiClient();
        var id = await CreateAsync(client);
        using var first = await client.PostJsonAsync($"/v1/submissions/{id}/additional-data", """{"email":"a@example.com"}""");

        using var response = await client.PostJsonAsync($"/v1/submissions/{id}/additional-data", """{"email":"b@example.com"}""");

        Assert.True(first.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("additional_data_conflict", await response.ReadProblemCodeAsync());
    }

    [Fact]
    public async Task AddData_UnknownId_Returns404()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.PostJsonAsync($"/v1/submissions/{Guid.NewGuid()}/additional-data", """{"email":"a@example.com"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("submission_not_found", await response.ReadProblemCodeAsync());
    }

    [Fact]
    public async Task AddData_MalformedId_Returns404()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.PostJsonAsync("/v1/submissions/nope/additional-data", """{"email":"a@example.com"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("submission_not_found", await response.ReadProblemCodeAsync());
    }

    [Fact]
    public async Task AddData_AnotherClientsSubmission_Returns404()
    {
        using var owner = factory.CreateApiClient(ApiFactory.KeyA);
        using var other = factory.CreateApiClient(ApiFactory.KeyB);
        var id = await CreateAsync(owner);

        using var response = await other.PostJsonAsync($"/v1/submissions/{id}/additional-data", """{"email":"a@example.com"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("{}", "validation_failed")]
    [InlineData("[1]", "body_not_object")]
    [InlineData("""{"a":1,"a":2}""", "duplicate_property")]
    public async Task AddData_RejectedBody_Returns400BeforeLookingUpSubmission(string body, string code)
    {
        using var client = factory.CreateApiClient();

        using var response = await client.PostJsonAsync($"/v1/submissions/{Guid.NewGuid()}/additional-data", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await response.ReadProblemCodeAsync());
    }

    private static async Task<string> CreateAsync(HttpClient client)
    {
        using var response = await client.CreateSubmissionAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }
}
