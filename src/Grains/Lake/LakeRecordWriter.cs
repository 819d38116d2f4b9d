using System.Text.Encodings.Web;
using System.Text.Json;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Grains.Lake;

/// <summary>
/// Writes change events as NDJSON lines: one JSON object per event with its ids, status, times, correlation and
/// trace context, and the document at that version.
/// </summary>
internal static class LakeRecordWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream destination, IEnumerable<SubmissionChanged> changes)
    {
        foreach (var change in changes)
        {
            using (var writer = new Utf8JsonWriter(destination, Options))
            {
                writer.WriteStartObject();
                writer.WriteString("eventId", change.EventId);
                writer.WriteString("submissionId", change.SubmissionId);
                writer.WriteNumber("version", change.Version);
                writer.WriteString("status", change.Status.ToWireName());
                writer.WriteString("occurredAt", change.OccurredAt.UtcDateTime);
                writer.WriteString("cause", change.Cause);
                writer.WriteString("clientId", change.ClientId);
                writer.WriteString("correlationId", change.CorrelationId);
                writer.WriteString("traceParent", change.TraceParent);
                writer.WritePropertyName("document");

                // The document was rendered by the submission grain from validated JSON.
                writer.WriteRawValue(change.DocumentJson, skipInputValidation: true);
                writer.WriteEndObject();
            }

            destination.WriteByte((byte)'\n');
        }
    }

    /// <summary>Estimates the NDJSON size of one event, for the size limit of a batch.</summary>
    public static long EstimateBytes(SubmissionChanged change) =>
        change.DocumentJson.Length + change.EventId.Length + change.CorrelationId.Length + 256;
}
