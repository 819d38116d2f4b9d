using System.Text;
using System.Text.Json;

namespace Dovetail.Api.Tests;

/// <summary>
/// Sends requests to the API and reads its responses in tests.
/// </summary>
internal static class HttpTestExtensions
{
    public const string ValidBody = """{"place":{"name":"Berlin","country":"de"},"note":"first"}""";

    public static Task<HttpResponseMessage> PostJsonAsync(
        this HttpClient client,
        string path,
        string body,
        IDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return client.SendAsync(request, Xunit.TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> CreateSubmissionAsync(
        this HttpClient client,
        string body = ValidBody,
        string? idempotencyKey = null)
    {
        var headers = new Dictionary<string, string>();
        if (idempotencyKey is not null)
        {
            headers["Idempotency-Key"] = idempotencyKey;
        }

        return client.PostJsonAsync("/v1/submissions", body, headers);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Returns the <c>code</c> of a problem document.</summary>
    public static async Task<string?> ReadProblemCodeAsync(this HttpResponseMessage response)
    {
        var problem = await response.ReadJsonAsync();
        return problem.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    public static string? ContentType(this HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType;

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

}
