namespace Dovetail.Gazetteer;

/// <summary>
/// One <c>/cities</c> request as the stand-in received it.
/// </summary>
/// <param name="Query">The raw query string including the leading <c>?</c>, or an empty string.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> header, when sent.</param>
/// <param name="CorrelationId">The <c>X-Correlation-Id</c> header, when sent.</param>
/// <param name="Status">The status the stand-in chose for the answer, recorded before any latency fault.</param>
public sealed record RecordedRequest(
    string Path,
    string Query,
    string? TraceParent,
    string? CorrelationId,
    int Status,
    DateTimeOffset ReceivedAt);
