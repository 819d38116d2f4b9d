namespace Dovetail.Grains.Lookup;

/// <summary>
/// Settings of the external gazetteer lookup, bound from the configuration section <c>Lookup</c>.
/// </summary>
public sealed class LookupOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Lookup";

    /// <summary>Base address of the gazetteer API; <c>cities?country=XX</c> is resolved against it.</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1:5070/");

    /// <summary>Calls per second allowed across the whole cluster, enforced by one token bucket.</summary>
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>Number of lookup worker grains, each making one call at a time: the cluster-wide concurrency cap.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Calls made for one lookup, the first one included, before it fails with the last reason.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Upper bound of the jittered delay before the second attempt; it doubles for each later one.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap of the exponential delay between attempts, before any <c>Retry-After</c> is applied.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Cap of a server's <c>Retry-After</c>, so a wrong or hostile value cannot park a worker for hours.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Time allowed for one call, from sending the request to reading the last byte of the body.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Consecutive failed calls that open the circuit.</summary>
    public int CircuitFailureThreshold { get; set; } = 5;

    /// <summary>How long an open circuit rejects calls before it lets one trial call through.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bytes of one response body read before the call fails with <c>upstream_payload_too_large</c>.</summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long a successful result, match or no match, is served from the cache.</summary>
    public TimeSpan CacheTimeToLive { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Queries kept in the cache; the least recently used one is dropped first.</summary>
    public int CacheMaxEntries { get; set; } = 10_000;
}
