using System.Text.Json.Serialization;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Parquet.Serialization.Attributes;

namespace Dovetail.Grains.Lake;

/// <summary>
/// One row of a lake object: a committed change with its ids, status, time, correlation and trace context, and the
/// document at that version as JSON text. Column names are the JSON names, so readers see the same fields as in
/// the API's documents.
/// </summary>
public sealed class LakeRecord
{
    [JsonPropertyName("eventId")]
    public string EventId { get; set; } = "";

    [JsonPropertyName("submissionId")]
    public string SubmissionId { get; set; } = "";

    [JsonPropertyName("version")]
    public int Version { get; set; }

    /// <summary>The wire name of the status, such as <c>awaiting-data</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = "";

    /// <summary>When the change was committed, in UTC, with microsecond precision.</summary>
    [JsonPropertyName("occurredAt")]
    [ParquetTimestamp(ParquetTimestampResolution.Microseconds)]
    public DateTime OccurredAt { get; set; }

    [JsonPropertyName("cause")]
    public string Cause { get; set; } = "";

    [JsonPropertyName("clientId")]
    public string ClientId { get; set; } = "";

    [JsonPropertyName("correlationId")]
    public string CorrelationId { get; set; } = "";

    [JsonPropertyName("traceParent")]
    public string? TraceParent { get; set; }

    /// <summary>The submission's document at this version, as JSON text.</summary>
    [JsonPropertyName("document")]
    public string Document { get; set; } = "";

    public static LakeRecord From(SubmissionChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new LakeRecord
        {
            EventId = change.EventId,
            SubmissionId = change.SubmissionId,
            Version = change.Version,
            Status = change.Status.ToWireName(),
            OccurredAt = change.OccurredAt.UtcDateTime,
            Cause = change.Cause,
            ClientId = change.ClientId,
            CorrelationId = change.CorrelationId,
            TraceParent = change.TraceParent,
            Document = change.DocumentJson,
        };
    }
}
