using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Grains.Submissions;

/// <summary>
/// Renders the JSON document that <c>GET /v1/submissions/{id}</c> returns. It is rendered once per committed
/// change, as UTF-8 bytes, so reads neither render nor encode.
/// </summary>
internal static class SubmissionDocument
{
    // The document is served as application/json, never embedded in HTML, so non-ASCII text such as place names
    // is written as UTF-8 rather than as \u escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static SubmissionView ToView(string id, SubmissionState state) => new(
        id,
        state.Status,
        state.Version,
        state.CorrelationId,
        state.CreatedAt,
        state.UpdatedAt,
        state.FailureReason,
        Render(id, state));

    public static byte[] Render(string id, SubmissionState state)
    {
        var buffer = new ArrayBufferWriter<byte>(1024 + state.PayloadJson.Length + (state.AdditionalDataJson?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("status", state.Status.ToWireName());
            writer.WriteNumber("version", state.Version);
            writer.WriteString("correlationId", state.CorrelationId);
            writer.WriteString("createdAt", state.CreatedAt);
            writer.WriteString("updatedAt", state.UpdatedAt);
            writer.WriteString("additionalDataDeadline", state.Deadline);
            if (state.FailureReason is not null)
            {
                writer.WriteString("failureReason", state.FailureReason);
            }

            if (state.Enrichment is { } enrichment)
            {
                writer.WritePropertyName("enrichment");
                WriteEnrichment(writer, enrichment);
            }

            if (state.Status == SubmissionStatus.Completed)
            {
                // The client's JSON is written back byte for byte, so numbers beyond double precision keep every
                // digit; the API validated it before it was stored.
                writer.WriteStartObject("result");
                writer.WritePropertyName("payload");
                writer.WriteRawValue(state.PayloadJson, skipInputValidation: true);
                writer.WritePropertyName("enrichment");
                WriteEnrichment(writer, state.Enrichment!);
                writer.WritePropertyName("additionalData");
                writer.WriteRawValue(state.AdditionalDataJson!, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteEnrichment(Utf8JsonWriter writer, EnrichmentOutcome enrichment)
    {
        writer.WriteStartObject();
        writer.WriteString("outcome", enrichment.Kind switch
        {
            EnrichmentOutcomeKind.Matched => "matched",
            EnrichmentOutcomeKind.NoMatch => "no-match",
            _ => "failed",
        });
        if (enrichment.Place is { } place)
        {
            writer.WriteStartObject("place");
            writer.WriteString("name", place.Name);
            writer.WriteString("country", place.Country);
            writer.WriteString("admin1", place.Admin1);
            writer.WriteString("admin2", place.Admin2);
            writer.WritePropertyName("latitude");
            writer.WriteRawValue(place.Latitude.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
            writer.WritePropertyName("longitude");
            writer.WriteRawValue(place.Longitude.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
            writer.WriteEndObject();
            writer.WriteNumber("candidates", place.Candidates);
        }

        writer.WriteBoolean("fromCache", enrichment.FromCache);
        writer.WriteNumber("attempts", enrichment.Attempts);
        writer.WriteString("completedAt", enrichment.CompletedAt);
        writer.WriteEndObject();
    }
}
