using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dovetail.Demo.Running;

/// <summary>
/// Calls the submissions API and retries the POSTs on transport errors, 429 and 502 to 504.
/// Retrying a POST is safe because the first POST carries an idempotency key and the second POST is
/// idempotent by contract (the same data returns the same response).
/// </summary>
internal sealed class DovetailApiClient(HttpClient http)
{
    private const int MaxPostAttempts = 4;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(5);

    public Task<ApiResponse> CreateSubmissionAsync(
        JsonObject body, string idempotencyKey, string correlationId, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        return SendAsync(
            () =>
            {
                var request = CreatePost(new Uri("v1/submissions", UriKind.Relative), json, correlationId);
                request.Headers.Add("Idempotency-Key", idempotencyKey);
                return request;
            },
            MaxPostAttempts,
            cancellationToken);
    }

    public Task<ApiResponse> AddDataAsync(
        string id, JsonObject body, string correlationId, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        var path = new Uri($"v1/submissions/{Uri.EscapeDataString(id)}/additional-data", UriKind.Relative);
        return SendAsync(() => CreatePost(path, json, correlationId), MaxPostAttempts, cancellationToken);
    }

    /// <summary>Reads a submission once; polling repeats the call, so a failed read is not retried here.</summary>
    public Task<ApiResponse> GetSubmissionAsync(string id, CancellationToken cancellationToken)
    {
        var path = new Uri($"v1/submissions/{Uri.EscapeDataString(id)}", UriKind.Relative);
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), maxAttempts: 1, cancellationToken);
    }

    /// <summary>Reads a submission's timeline once.</summary>
    public Task<ApiResponse> GetTimelineAsync(string id, CancellationToken cancellationToken)
    {
        var path = new Uri($"v1/submissions/{Uri.EscapeDataString(id)}/events", UriKind.Relative);
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), maxAttempts: 1, cancellationToken);
    }

    private static HttpRequestMessage CreatePost(Uri path, string json, string correlationId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Correlation-Id", correlationId);
        return request;
    }

    private async Task<ApiResponse> SendAsync(
        Func<HttpRequestMessage> createRequest, int maxAttempts, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var retryReasons = new List<string>();

        for (var attempt = 1; ; attempt++)
        {
            var delay = FirstRetryDelay * Math.Pow(2, attempt - 1);
            try
            {
                using var request = createRequest();
                using var response = await http.SendAsync(request, cancellationToken);
                var retryable = response.StatusCode is HttpStatusCode.TooManyRequests
                    or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

                if (!retryable || attempt == maxAttempts)
                {
                    var body = await ReadJsonAsync(response, cancellationToken);
                    return new ApiResponse(
                        response.StatusCode, body, response.Headers.Location, stopwatch.Elapsed, retryReasons);
                }

                retryReasons.Add($"HTTP {(int)response.StatusCode}");
                delay = RetryAfter(response.Headers.RetryAfter) ?? delay;
            }
            catch (HttpRequestException exception) when (attempt < maxAttempts)
            {
                retryReasons.Add($"{exception.GetType().Name}: {exception.Message}");
            }
            catch (TaskCanceledException exception) when (attempt < maxAttempts && !cancellationToken.IsCancellationRequested)
            {
                // HttpClient reports its own per-request timeout as a cancellation; the run is still going.
                retryReasons.Add($"request timed out: {exception.Message}");
            }

            await Task.Delay(delay, cancellationToken);
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null)
        {
            return null;
        }

        if (wait < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        if (!mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Expected a JSON body but got '{mediaType}' with HTTP {(int)response.StatusCode}.");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
