using System.Net;
using System.Text.Json;
using Xunit;

namespace Dovetail.Api.Tests;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, read as a client generator would read it.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFactory factory)
{
    private static readonly string[] SubmissionOperations =
    [
        "/v1/submissions post",
        "/v1/submissions/{id}/additional-data post",
        "/v1/submissions/{id} get",
        "/v1/submissions/{id}/events get",
    ];

    [Fact]
    public async Task Document_IsServedWithoutKey()
    {
        using var client = factory.CreateApiClient(apiKey: null);

        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Numbers_AreTypedAsTheServerSendsThem()
    {
        var document = await ReadDocumentAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var eventVersion = schemas.GetProperty("SubmissionEvent").GetProperty("properties").GetProperty("version");
        Assert.Equal("integer", eventVersion.GetProperty("type").GetString());
        var outcomes = schemas.GetProperty("Enrichment").GetProperty("properties").GetProperty("outcome")
            .GetProperty("enum").EnumerateArray().Select(value => value.GetString()).ToList();
        Assert.Equal(["matched", "no-match"], outcomes);
    }

    [Fact]
    public async Task SecuritySchemes_DescribeHeaderAndBearer()
    {
        var document = await ReadDocumentAsync();

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("apiKey", schemes.GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.Equal("header", schemes.GetProperty("ApiKey").GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("http", schemes.GetProperty("Bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Theory]
    [MemberData(nameof(OperationKeys))]
    public async Task SubmissionOperation_RequiresEitherScheme(string operationKey)
    {
        var operation = Operation(await ReadDocumentAsync(), operationKey);

        var requirements = operation.GetProperty("security").EnumerateArray()
            .SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name))
            .ToList();
        Assert.Equal(["ApiKey", "Bearer"], requirements);
    }

    [Theory]
    [MemberData(nameof(OperationKeys))]
    public async Task SubmissionOperation_DocumentsCorrelationHeader(string operationKey)
    {
        var operation = Operation(await ReadDocumentAsync(), operationKey);

        Assert.Contains("X-Correlation-Id", HeaderParameters(operation));
        foreach (var response in operation.GetProperty("responses").EnumerateObject())
        {
            Assert.True(
                response.Value.GetProperty("headers").TryGetProperty("X-Correlation-Id", out _),
                $"The {response.Name} response of {operationKey} does not declare X-Correlation-Id.");
        }
    }

    [Fact]
    public async Task Create_DocumentsIdempotencyAndLocation()
    {
        var operation = Operation(await ReadDocumentAsync(), "/v1/submissions post");

        var accepted = operation.GetProperty("responses").GetProperty("202").GetProperty("headers");
        Assert.Contains("Idempotency-Key", HeaderParameters(operation));
        Assert.True(accepted.TryGetProperty("Location", out _));
        Assert.True(accepted.TryGetProperty("Idempotent-Replayed", out _));
    }

    [Fact]
    public async Task Get_DocumentsConditionalRead()
    {
        var operation = Operation(await ReadDocumentAsync(), "/v1/submissions/{id} get");

        var responses = operation.GetProperty("responses");
        Assert.Contains("If-None-Match", HeaderParameters(operation));
        Assert.True(responses.GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.True(responses.GetProperty("304").GetProperty("headers").TryGetProperty("ETag", out _));
    }

    [Fact]
    public async Task Create_RequestSchemaRequiresPlace()
    {
        var document = await ReadDocumentAsync();
        var operation = Operation(document, "/v1/submissions post");

        var request = Resolve(document, operation.GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema"));
        var place = Resolve(document, request.GetProperty("properties").GetProperty("place"));
        Assert.Equal("object", request.GetProperty("type").GetString());
        Assert.Equal(["place"], request.GetProperty("required").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal(
            ["name", "country"],
            place.GetProperty("required").EnumerateArray().Select(item => item.GetString()));
        Assert.True(place.GetProperty("properties").TryGetProperty("admin1", out _));
    }

    [Theory]
    [InlineData("/v1/submissions/{id}/additional-data post", "200")]
    [InlineData("/v1/submissions/{id}/additional-data post", "202")]
    [InlineData("/v1/submissions/{id} get", "200")]
    public async Task SubmissionDocument_HasSchema(string operationKey, string status)
    {
        var document = await ReadDocumentAsync();
        var operation = Operation(document, operationKey);

        var schema = Resolve(document, operation.GetProperty("responses").GetProperty(status).GetProperty("content")
            .GetProperty("application/json").GetProperty("schema"));
        Assert.True(schema.GetProperty("properties").TryGetProperty("status", out _));
        Assert.True(schema.GetProperty("properties").TryGetProperty("result", out _));
    }

    [Theory]
    [InlineData("SubmissionAccepted")]
    [InlineData("SubmissionEvent")]
    [InlineData("Submission")]
    public async Task Status_IsEnumOfWireNames(string schemaName)
    {
        var document = await ReadDocumentAsync();

        var status = Resolve(document, document.GetProperty("components").GetProperty("schemas")
            .GetProperty(schemaName).GetProperty("properties").GetProperty("status"));
        Assert.Equal(
            ["accepted", "enriching", "awaiting-data", "awaiting-enrichment", "completed", "failed", "expired"],
            status.GetProperty("enum").EnumerateArray().Select(item => item.GetString()));
    }

    [Theory]
    [InlineData("/v1/submissions post", new[] { "400", "401", "413", "415", "422", "503" })]
    [InlineData("/v1/submissions/{id}/additional-data post", new[] { "400", "401", "404", "409", "413", "415", "503" })]
    [InlineData("/v1/submissions/{id} get", new[] { "400", "401", "404", "503" })]
    [InlineData("/v1/submissions/{id}/events get", new[] { "400", "401", "404", "503" })]
    public async Task Errors_AreProblemDocuments(string operationKey, string[] statuses)
    {
        var operation = Operation(await ReadDocumentAsync(), operationKey);

        var responses = operation.GetProperty("responses");
        foreach (var status in statuses)
        {
            Assert.True(
                responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _),
                $"The {status} response of {operationKey} is not a problem document.");
        }
    }

    [Fact]
    public async Task ProblemSchema_HasCodeAndField()
    {
        var document = await ReadDocumentAsync();

        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails")
            .GetProperty("properties");
        Assert.True(properties.TryGetProperty("code", out _));
        Assert.True(properties.TryGetProperty("field", out _));
        Assert.True(properties.TryGetProperty("correlationId", out _));
    }

    [Fact]
    public async Task Dashboard_IsLeftOut()
    {
        var document = await ReadDocumentAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name);
        Assert.DoesNotContain(paths, path => path.StartsWith("/dashboard", StringComparison.Ordinal));
    }

    public static TheoryData<string> OperationKeys => [.. SubmissionOperations];

    private async Task<JsonElement> ReadDocumentAsync()
    {
        using var client = factory.CreateApiClient();
        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        return await response.ReadJsonAsync();
    }

    /// <summary>Returns the operation named by a key such as <c>/v1/submissions post</c>.</summary>
    private static JsonElement Operation(JsonElement document, string operationKey)
    {
        var separator = operationKey.LastIndexOf(' ');
        return document.GetProperty("paths").GetProperty(operationKey[..separator])
            .GetProperty(operationKey[(separator + 1)..]);
    }

    private static List<string?> HeaderParameters(JsonElement operation) =>
    [
        .. operation.GetProperty("parameters").EnumerateArray()
            .Where(parameter => parameter.GetProperty("in").GetString() == "header")
            .Select(parameter => parameter.GetProperty("name").GetString()),
    ];

    /// <summary>Follows a <c>$ref</c> to a component schema, or returns a schema written in place.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return schema;
        }

        const string prefix = "#/components/schemas/";
        var name = reference.GetString()![prefix.Length..];
        return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }
}
