namespace Dovetail.Grains.Lookup;

/// <summary>
/// Stable reason codes of failed lookups, stored with a failed enrichment and shown to clients.
/// </summary>
public static class LookupFailureReasons
{
    /// <summary>The body was larger than <see cref="LookupOptions.MaxResponseBytes"/>; permanent.</summary>
    public const string PayloadTooLarge = "upstream_payload_too_large";

    /// <summary>No complete response within <see cref="LookupOptions.CallTimeout"/>, or a 408; retryable.</summary>
    public const string Timeout = "upstream_timeout";

    /// <summary>A 5xx response or a connection failure; retryable.</summary>
    public const string Unavailable = "upstream_unavailable";

    /// <summary>A 429 response, retryable after its <c>Retry-After</c>.</summary>
    public const string Throttled = "upstream_throttled";

    /// <summary>A body that is not a JSON array of places, such as a truncated one; retryable.</summary>
    public const string InvalidResponse = "upstream_invalid_response";

    /// <summary>A 4xx response other than 408 and 429, or another unexpected status; permanent.</summary>
    public const string Rejected = "upstream_rejected";

    /// <summary>The circuit breaker is open, so no call was made; retryable once it lets calls through.</summary>
    public const string CircuitOpen = "circuit_open";
}
