using System.Net;
using System.Text;
using Xunit;

namespace Dovetail.Api.Tests;

/// <summary>
/// Bodies that must be rejected before anything is stored. Each case sends an idempotency key, and a valid
/// request with the same key afterwards must create a new submission: had the rejected request stored
/// anything under the key, that request would get a replay or a 422 response.
/// </summary>
public sealed class RequestBodyValidationTests(ApiFactory factory)
{
    /// <summary>The path of the first array too deep in the nesting cases: 63 arrays inside "deep" fit.</summary>
    private static readonly string DeepPath = "deep" + string.Concat(Enumerable.Repeat("[0]", 63));

    public static TheoryData<string, string, string?> RejectedBodies => new()
    {
        { "not json", "invalid_json", null },
        { """{"place":{"name":"Berlin","country":"DE"}""", "invalid_json", null },
        { """{"place":{"name":"Berlin","country":"DE"}} trailing""", "invalid_json", null },
        { """{"a":1,}""", "invalid_json", null },
        { """[{"place":{"name":"Berlin","country":"DE"}}]""", "body_not_object", null },
        { "\"text\"", "body_not_object", null },
        { """{"city":"a","city":"b","place":{"name":"Berlin","country":"DE"}}""", "duplicate_property", "city" },
        { """{"place":{"name":"Berlin","country":"DE","name":"Bonn"}}""", "duplicate_property", "place.name" },
        { """{"place":{"name":"Berlin","country":"DE"},"x":[{"k":1,"k":2}]}""", "duplicate_property", "x[0].k" },
        { """{"place":{"name":"Berlin","country":"DE"},"size":1e400}""", "number_out_of_range", "size" },
        { """{"place":{"name":"Berlin","country":"DE"},"n":[1,-1e309]}""", "number_out_of_range", "n[1]" },
        { """{"place":{"name":"Berlin","country":"DE"},"s":"\ud800"}""", "invalid_string", "s" },
        { """{"place":{"name":"Berlin","country":"DE"},"\udc00x":1}""", "invalid_string", null },
        { """{"place":{"name":"Berlin","country":"DE"}}""".Replace("{\"place\"", "{\"deep\":" + new string('[', 10_000) + new string(']', 10_000) + ",\"place\"", StringComparison.Ordinal), "nesting_too_deep", DeepPath },
        { """{"place":{"name":"Berlin","country":"DE"},"deep":""" + new string('[', 64) + new string(']', 64) + "}", "nesting_too_deep", DeepPath },
        { """{"other":1}""", "validation_failed", "place" },
        { """{"place":"Berlin"}""", "validation_failed", "place" },
        { """{"place":{"country":"DE"}}""", "validation_failed", "place.name" },
        { """{"place":{"name":"   ","country":"DE"}}""", "validation_failed", "place.name" },
        { """{"place":{"name":42,"country":"DE"}}""", "validation_failed", "place.name" },
        { "{\"place\":{\"name\":\"" + new string('a', 201) + "\",\"country\":\"DE\"}}", "validation_failed", "place.name" },
        { """{"place":{"name":"Berlin"}}""", "validation_failed", "place.country" },
        { """{"place":{"name":"Berlin","country":"DEU"}}""", "validation_failed", "place.country" },
        { """{"place":{"name":"Berlin","country":"D1"}}""", "validation_failed", "place.country" },
        { """{"place":{"name":"Berlin","country":"XX"}}""", "validation_failed", "place.country" },
        { """{"place":{"name":"London","country":"uk"}}""", "validation_failed", "place.country" },
        { """{"place":{"name":"\u200b\u200b","country":"DE"}}""", "validation_failed", "place.name" },
        { """{"place":{"name":" \ufeff\u2060 ","country":"DE"}}""", "validation_failed", "place.name" },
        { """{"place":{"name":"\u0007\u0000","country":"DE"}}""", "validation_failed", "place.name" },
        { """{"place":{"name":"Berlin","country":"DE","admin1":"123456789012345678901"}}""", "validation_failed", "place.admin1" },
        { """{"place":{"name":"Berlin","country":"DE","admin1":16}}""", "validation_failed", "place.admin1" },
    };

    [Theory]
    [MemberData(nameof(RejectedBodies))]
    public async Task Create_RejectedBody_Returns400AndStoresNothing(string body, string code, string? field)
    {
        using var client = factory.CreateApiClient();
        var key = Guid.NewGuid().ToString();

        using var response = await client.CreateSubmissionAsync(body, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType());
        var problem = await response.ReadJsonAsync();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.TryGetProperty("field", out var actualField) ? actualField.GetString() : null);
        await AssertKeyUnusedAsync(client, key);
    }

    [Fact]
    public async Task Create_InvalidJson_ReportsBytePosition()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.CreateSubmissionAsync("{\"place\":\n  {\"name\": x}}");

        var problem = await response.ReadJsonAsync();
        Assert.Equal("invalid_json", problem.GetProperty("code").GetString());
        Assert.Equal(21, problem.GetProperty("bytePosition").GetInt64());
    }

    [Fact]
    public async Task Create_NestingAtLimit_IsAccepted()
    {
        using var client = factory.CreateApiClient();
        var nested = new string('[', 63) + new string(']', 63);

        using var response = await client.CreateSubmissionAsync(
            """{"place":{"name":"Berlin","country":"DE"},"deep":""" + nested + "}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Create_BodyOverLimitWithContentLength_Returns413AndStoresNothing()
    {
        using var client = factory.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        var body = LargeBody(ApiFactory.MaxBodyBytes + 1);

        using var response = await client.CreateSubmissionAsync(body, key);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body_too_large", await response.ReadProblemCodeAsync());
        await AssertKeyUnusedAsync(client, key);
    }

    [Fact]
    public async Task Create_ChunkedBodyOverLimit_Returns413AndStoresNothing()
    {
        using var client = factory.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/submissions")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(LargeBody(ApiFactory.MaxBodyBytes + 1)))),
        };

        // Chunked transfer encoding sends no Content-Length, so only counting while reading can catch the size.
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("Idempotency-Key", key);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body_too_large", await response.ReadProblemCodeAsync());
        await AssertKeyUnusedAsync(client, key);
    }

    [Fact]
    public async Task Create_BodyAtLimit_IsAccepted()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.CreateSubmissionAsync(LargeBody(ApiFactory.MaxBodyBytes));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Create_WrongContentType_Returns415(string contentType)
    {
        using var client = factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/submissions")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(HttpTestExtensions.ValidBody)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType());
        var problem = await response.ReadJsonAsync();
        Assert.Equal("unsupported_media_type", problem.GetProperty("code").GetString());
        Assert.Equal("Content-Type", problem.GetProperty("field").GetString());
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("APPLICATION/JSON; Charset=UTF-8")]
    public async Task Create_JsonContentType_IsAccepted(string contentType)
    {
        using var client = factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/submissions")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(HttpTestExtensions.ValidBody)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Create_EmptyBody_ReportsEmptyBody()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.CreateSubmissionAsync("");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("invalid_json", problem.GetProperty("code").GetString());
        Assert.Equal("The request body is empty. Send one JSON object.", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("bytePosition", out _));
    }

    [Fact]
    public async Task Create_ArrayBody_NamesAnArray()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.CreateSubmissionAsync("""[{"place":{"name":"Berlin","country":"DE"}}]""");

        var problem = await response.ReadJsonAsync();
        Assert.Equal(
            "The request body must be a JSON object, but it starts with an array.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Create_UnassignedCountry_NamesTheRule()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.CreateSubmissionAsync("""{"place":{"name":"Berlin","country":"XX"}}""");

        var problem = await response.ReadJsonAsync();
        Assert.Contains("ISO 3166-1 alpha-2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XK")]
    [InlineData("xk")]
    public async Task Create_KosovoCode_IsAccepted(string country)
    {
        using var client = factory.CreateApiClient();

        using var response = await client.CreateSubmissionAsync(
            "{\"place\":{\"name\":\"Pristina\",\"country\":\"" + country + "\"}}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Create_NameWithZeroWidthSpace_IsAccepted()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.CreateSubmissionAsync("""{"place":{"name":"Ber\u200blin","country":"DE"}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Create_CountryInLowerCase_IsAccepted()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.CreateSubmissionAsync("""{"place":{"name":" Köln ","country":"de","admin1":"07"}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Builds a valid submission of exactly <paramref name="size"/> bytes.</summary>
    private static string LargeBody(int size)
    {
        const string prefix = """{"place":{"name":"Berlin","country":"DE"},"padding":" """;
        const string suffix = "\"}";
        var padding = size - Encoding.UTF8.GetByteCount(prefix) - suffix.Length;
        return prefix + new string('x', padding) + suffix;
    }

    private static async Task AssertKeyUnusedAsync(HttpClient client, string key)
    {
        using var response = await client.CreateSubmissionAsync(
            """{"place":{"name":"Potsdam","country":"DE"},"check":"key unused"}""", key);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null(response.Header("Idempotent-Replayed"));
    }
}
