using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// Renders a submission document of the shape that <c>GET /v1/submissions/{id}</c> returns: ids, status, times, an
/// enrichment outcome from the third version on and the result once completed. The renderer of the submission
/// grain is internal to its assembly, so this one writes the same fields for a realistic size, not the same code.
/// </summary>
internal static class LakeDocument
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(
        string id, SubmissionStatus status, int version, string correlationId, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("status", status.ToWireName());
            writer.WriteNumber("version", version);
            writer.WriteString("correlationId", correlationId);
            writer.WriteString("createdAt", createdAt);
            writer.WriteString("updatedAt", updatedAt);
            writer.WriteString("additionalDataDeadline", createdAt.AddHours(1));
            if (version >= 3)
            {
                WriteEnrichment(writer, createdAt.AddMilliseconds(300));
            }

            writer.WriteStartObject("request");
            writer.WriteStartObject("place");
            writer.WriteString("name", "Zürich");
            writer.WriteString("country", "CH");
            writer.WriteEndObject();
            writer.WriteString("reference", $"order-{id[..8]}");
            writer.WriteString("note", "Ring twice; the parcel fits the letterbox.");
            writer.WriteStartArray("labels");
            writer.WriteStringValue("priority");
            writer.WriteStringValue("weekday-delivery");
            writer.WriteEndArray();
            writer.WriteEndObject();
            if (status == SubmissionStatus.Completed)
            {
                writer.WriteStartObject("result");
                writer.WriteStartObject("additionalData");
                writer.WriteString("note", "delivered to the front desk");
                writer.WriteNumber("items", 3);
                writer.WriteEndObject();
                writer.WriteString("completedAt", updatedAt);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteEnrichment(Utf8JsonWriter writer, DateTimeOffset finishedAt)
    {
        writer.WriteStartObject("enrichment");
        writer.WriteNumber("dispatch", 1);
        writer.WriteString("outcome", "matched");
        writer.WriteNumber("attempts", 1);
        writer.WriteString("finishedAt", finishedAt);
        writer.WriteStartObject("place");
        writer.WriteString("name", "Zürich");
        writer.WriteString("country", "CH");
        writer.WriteString("admin1", "25");
        writer.WriteString("admin2", "112");
        writer.WriteNumber("lat", 47.36667);
        writer.WriteNumber("lng", 8.55);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
