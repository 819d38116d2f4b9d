using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Submissions;

namespace Dovetail.Grains.Tests;

/// <summary>
/// Builds change events whose documents are rendered by the submission grain's own renderer, so the query reads
/// the same fields it reads in production.
/// </summary>
internal static class LakeQueryTestData
{
    public static readonly DateTimeOffset WindowStart = new(2026, 12, 4, 17, 5, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Created = WindowStart.AddSeconds(3);

    /// <summary>
    /// Four submissions in fifteen records: two completed in FR and one in DE, with enrichment latencies of
    /// 200, 1000 and 400 ms, and one whose enrichment failed.
    /// </summary>
    public static IReadOnlyList<SubmissionChanged> Batch() =>
    [
        .. Completed("sub-a", "corr-a", "FR", enrichedAfterMs: 200, dataAfterMs: 5000, dataFirst: false),
        .. Completed("sub-b", "corr-b", "DE", enrichedAfterMs: 400, dataAfterMs: 100, dataFirst: true),
        .. Failed("sub-c", "corr-c"),
        .. Completed("sub-d", "corr-d", "FR", enrichedAfterMs: 1000, dataAfterMs: 3000, dataFirst: false),
    ];

    /// <summary>
    /// The records of one submission that completes: accepted, enriching, then awaiting data or awaiting
    /// enrichment depending on which half came first, then completed.
    /// </summary>
    private static IEnumerable<SubmissionChanged> Completed(
        string id, string correlationId, string country, int enrichedAfterMs, int dataAfterMs, bool dataFirst)
    {
        var enrichedAt = Created.AddMilliseconds(enrichedAfterMs);
        var dataAt = Created.AddMilliseconds(dataAfterMs);
        var enrichment = new EnrichmentOutcome(
            1, EnrichmentOutcomeKind.Matched, new MatchedPlace("Lyon", country, "84", "69", 45.74846m, 4.84671m, 2),
            null, 1, false, enrichedAt);

        yield return Change(id, correlationId, 1, SubmissionStatus.Accepted, Created, "created", null);
        yield return Change(id, correlationId, 2, SubmissionStatus.Enriching, Created.AddMilliseconds(5), "dispatched", null);
        yield return dataFirst
            ? Change(id, correlationId, 3, SubmissionStatus.AwaitingEnrichment, dataAt, "additional-data", null)
            : Change(id, correlationId, 3, SubmissionStatus.AwaitingData, enrichedAt, "enrichment", enrichment);

        var completedAt = dataFirst ? enrichedAt : dataAt;
        yield return Change(id, correlationId, 4, SubmissionStatus.Completed, completedAt, "completed", enrichment);
    }

    private static IEnumerable<SubmissionChanged> Failed(string id, string correlationId)
    {
        var failedAt = Created.AddMilliseconds(1500);
        var enrichment = new EnrichmentOutcome(1, EnrichmentOutcomeKind.Failed, null, "upstream_unavailable", 3, false, failedAt);

        yield return Change(id, correlationId, 1, SubmissionStatus.Accepted, Created, "created", null);
        yield return Change(id, correlationId, 2, SubmissionStatus.Enriching, Created.AddMilliseconds(5), "dispatched", null);
        yield return Change(id, correlationId, 3, SubmissionStatus.Failed, failedAt, "enrichment", enrichment);
    }

    private static SubmissionChanged Change(
        string id, string correlationId, int version, SubmissionStatus status, DateTimeOffset at, string cause,
        EnrichmentOutcome? enrichment)
    {
        var state = new SubmissionState
        {
            ClientId = Submissions.ClientId,
            Status = status,
            Version = version,
            CorrelationId = correlationId,
            PayloadJson = """{"place":{"name":"Lyon","country":"FR"},"order":12345678901234567890123}""",
            CreatedAt = Created,
            UpdatedAt = at,
            Deadline = Created.AddHours(1),
            Enrichment = enrichment,
            AdditionalDataJson = status == SubmissionStatus.Completed ? """{"note":"Größe 42"}""" : null,
            FailureReason = status == SubmissionStatus.Failed ? enrichment?.FailureReason : null,
        };
        var document = System.Text.Encoding.UTF8.GetString(SubmissionDocument.Render(id, state));
        return new SubmissionChanged(
            SubmissionChanged.EventIdOf(id, version), id, version, status, at, cause, Submissions.ClientId, correlationId,
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", document);
    }
}
