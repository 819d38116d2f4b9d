using System.Net;
using System.Text;
using System.Text.Json;

namespace Dovetail.Cases.Tests;

/// <summary>
/// Sends the public API's requests and reads their responses, as a client team would.
/// </summary>
internal static class SubmissionClient
{
    public static async Task<HttpResponseMessage> CreateAsync(
        HttpClient client, string json, string? idempotencyKey = null, string? correlationId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/submissions")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (correlationId is not null)
        {
            request.Headers.Add("X-Correlation-Id", correlationId);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> AddDataAsync(HttpClient client, string id, string json) =>
        client.PostAsync(
            $"/v1/submissions/{id}/additional-data",
            new StringContent(json, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string id) =>
        client.GetAsync($"/v1/submissions/{id}", TestContext.Current.CancellationToken);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<string> CreateIdAsync(HttpClient client, string json, string? idempotencyKey = null)
    {
        using var response = await CreateAsync(client, json, idempotencyKey);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Polls <c>GET</c> until the status is one of <paramref name="statuses"/>, within a bound.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string id, TimeSpan bound, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            using var response = await GetAsync(client, id);
            var body = await ReadJsonAsync(response);
            var status = body.GetProperty("status").GetString();
            if (statuses.Contains(status))
            {
                return body;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Submission {id} did not reach {string.Join(" or ", statuses)} within {bound}; last: {body}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    public static string? ContentType(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType;
}
