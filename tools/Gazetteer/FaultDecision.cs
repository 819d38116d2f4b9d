namespace Dovetail.Gazetteer;

/// <summary>
/// What the stand-in does with one request, chosen when the request arrives.
/// </summary>
/// <param name="Status">200 to serve the data, otherwise the error status to send.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header value to send, or null for none.</param>
internal sealed record FaultDecision(
    int Status,
    string? RetryAfter,
    TimeSpan Latency,
    long? TruncateAfterBytes,
    long? SyntheticItems);
