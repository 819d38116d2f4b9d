using System.Text;

namespace Dovetail.Grains.Abstractions.Submissions;

/// <summary>
/// What a client may see of a submission, with the response body already rendered so that a read does no
/// work beyond one grain call.
/// </summary>
/// <param name="Version">Counts committed transitions, starting at 1; the ETag is derived from it.</param>
/// <param name="Utf8Json">
/// The <c>GET /v1/submissions/{id}</c> body as UTF-8 bytes, the form the gateway writes, so a read does not encode
/// the document again.
/// </param>
[GenerateSerializer, Immutable]
[Alias("dovetail.submission-view")]
public sealed record SubmissionView(
    [property: Id(0)] string Id,
    [property: Id(1)] SubmissionStatus Status,
    [property: Id(2)] int Version,
    [property: Id(3)] string CorrelationId,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] string? FailureReason,
    [property: Id(8)] ReadOnlyMemory<byte> Utf8Json)
{
    /// <summary>The body as text, decoded from <see cref="Utf8Json"/> on each call.</summary>
    public string Json => Encoding.UTF8.GetString(Utf8Json.Span);

    /// <summary>A strong entity tag, quoted as HTTP requires.</summary>
    public string ETag => $"\"{Id}-v{Version}\"";
}
