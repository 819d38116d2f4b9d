using System.Text.Json.Serialization;

namespace Dovetail.Gazetteer;

/// <summary>
/// Faults the stand-in injects into <c>/cities</c> responses. Every value off means a healthy, fast service.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record GazetteerFaults
{
    /// <summary>A fault set with every fault off.</summary>
    public static GazetteerFaults None { get; } = new();

    /// <summary>Delay in milliseconds before any response, which is cut short when the client goes away.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Requests accepted in any one-second sliding window; later ones get 429. Null means no limit.</summary>
    public int? RateLimitPerSecond { get; init; }

    /// <summary>The <c>Retry-After</c> value, in seconds, sent with 429 and 503 responses.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Sends <c>Retry-After</c> as an HTTP-date (now plus <see cref="RetryAfterSeconds"/>).</summary>
    public bool RetryAfterAsHttpDate { get; init; }

    /// <summary>The next this many requests get <see cref="ErrorStatus"/>; counts down as requests arrive.</summary>
    public int FailFirst { get; init; }

    /// <summary>Share of requests, from 0 to 1, that get <see cref="ErrorStatus"/> at random.</summary>
    public double ErrorRate { get; init; }

    /// <summary>The status sent by <see cref="FailFirst"/> and <see cref="ErrorRate"/>; 503 adds <c>Retry-After</c>.</summary>
    public int ErrorStatus { get; init; } = 500;

    /// <summary>Sends only this many bytes of a 200 body, then ends the response normally. Null sends all.</summary>
    public long? TruncateAfterBytes { get; init; }

    /// <summary>
    /// Replaces the response with this many generated filler items for the requested country, followed by that
    /// country's real entries. Null serves the real data only.
    /// </summary>
    public long? SyntheticItems { get; init; }

    /// <summary>Lists every invalid value, so a caller can reject the whole set with one message.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (LatencyMs < 0)
        {
            errors.Add($"latencyMs must be 0 or more, got {LatencyMs}.");
        }

        if (RateLimitPerSecond is < 1)
        {
            errors.Add($"rateLimitPerSecond must be 1 or more when set, got {RateLimitPerSecond}.");
        }

        if (RetryAfterSeconds < 0)
        {
            errors.Add($"retryAfterSeconds must be 0 or more, got {RetryAfterSeconds}.");
        }

        if (FailFirst < 0)
        {
            errors.Add($"failFirst must be 0 or more, got {FailFirst}.");
        }

        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate))
        {
            errors.Add($"errorRate must be between 0 and 1, got {ErrorRate}.");
        }

        if (ErrorStatus is < 400 or > 599)
        {
            errors.Add($"errorStatus must be an HTTP error status from 400 to 599, got {ErrorStatus}.");
        }

        if (TruncateAfterBytes is < 0)
        {
            errors.Add($"truncateAfterBytes must be 0 or more when set, got {TruncateAfterBytes}.");
        }

        if (SyntheticItems is < 0)
        {
            errors.Add($"syntheticItems must be 0 or more when set, got {SyntheticItems}.");
        }

        return errors;
    }
}
