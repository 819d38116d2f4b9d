using System.Text.Json.Serialization;

namespace Dovetail.Demo.Hosting;

/// <summary>
/// Fault settings sent to the gazetteer stand-in's <c>PUT /admin/faults</c>, so the run shows retries and throttling.
/// </summary>
internal sealed record DemoFaults(
    [property: JsonPropertyName("latencyMs")] int LatencyMs,
    [property: JsonPropertyName("errorRate")] double ErrorRate,
    [property: JsonPropertyName("rateLimitPerSecond")] int RateLimitPerSecond,
    [property: JsonPropertyName("retryAfterSeconds")] int RetryAfterSeconds)
{
    /// <summary>
    /// 150 ms per call, 3 % of calls failed, at most 20 calls per second, and one second to wait after a 429.
    /// </summary>
    public static DemoFaults Default { get; } = new(LatencyMs: 150, ErrorRate: 0.03, RateLimitPerSecond: 20, RetryAfterSeconds: 1);
}
