using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// Creates one submission through the public API, adds its second half and waits until it is completed, so the
/// read benchmark loads the final document.
/// </summary>
internal static class SubmissionSetup
{
    private const string CreateBody = """{"place":{"name":"Zürich","country":"CH"}}""";
    private const string AdditionalDataBody = """{"note":"x"}""";
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns the path of the completed submission, relative to the API's base address, and its body.</summary>
    /// <exception cref="BenchmarkSetupException">A request failed or the submission did not complete in time.</exception>
    public static async Task<(Uri Path, byte[] Body)> CreateCompletedAsync(
        HttpClient api, CancellationToken cancellationToken)
    {
        using var created = await PostJsonAsync(api, "v1/submissions", CreateBody, cancellationToken);
        await ExpectStatusAsync(created, HttpStatusCode.Accepted, "POST /v1/submissions", cancellationToken);
        var id = await ReadStringPropertyAsync(created, "id", cancellationToken);
        var path = new Uri($"v1/submissions/{Uri.EscapeDataString(id)}", UriKind.Relative);

        using var added = await PostJsonAsync(api, $"{path}/additional-data", AdditionalDataBody, cancellationToken);
        if (added.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
        {
            await ExpectStatusAsync(added, HttpStatusCode.OK, "POST additional-data", cancellationToken);
        }

        var deadline = DateTimeOffset.UtcNow + CompletionTimeout;
        var status = "unknown";
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var read = await api.GetAsync(path, cancellationToken);
            await ExpectStatusAsync(read, HttpStatusCode.OK, $"GET /{path}", cancellationToken);
            var body = await read.Content.ReadAsByteArrayAsync(cancellationToken);
            status = ReadStatus(body);
            if (status == "completed")
            {
                return (path, body);
            }

            if (status is "failed" or "expired")
            {
                throw new BenchmarkSetupException(
                    $"The submission {id} ended as '{status}' instead of 'completed': {Encoding.UTF8.GetString(body)}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new BenchmarkSetupException(
            $"The submission {id} was still '{status}' after {CompletionTimeout.TotalSeconds} s; check the API log.");
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(
        HttpClient api, string path, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await api.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
    }

    private static async Task ExpectStatusAsync(
        HttpResponseMessage response, HttpStatusCode expected, string request, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new BenchmarkSetupException(
                $"{request} returned {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }
    }

    private static async Task<string> ReadStringPropertyAsync(
        HttpResponseMessage response, string name, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        throw new BenchmarkSetupException(
            $"The response has no string property '{name}': {Encoding.UTF8.GetString(body)}");
    }

    private static string ReadStatus(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("status", out var status) ? status.GetString() ?? "null" : "missing";
    }
}
