using System.Globalization;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Idempotency;
using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// The change events that one run publishes: submissions of four versions each (accepted, enriching, awaiting data,
/// completed), with documents of about 600 characters on average, shaped like the ones the submission grain renders. Each event
/// goes to its submission's partition, as the submission grain sends it.
/// </summary>
internal sealed class LakeEventSet
{
    public const int VersionsPerSubmission = 4;
    private const string ClientId = "benchmark-client";
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private static readonly SubmissionStatus[] Statuses =
    [
        SubmissionStatus.Accepted, SubmissionStatus.Enriching, SubmissionStatus.AwaitingData, SubmissionStatus.Completed,
    ];

    private static readonly string[] Causes = ["created", "dispatched", "enrichment", "additional-data"];

    private readonly Dictionary<string, int> _indexByEventId;

    private LakeEventSet(IReadOnlyList<SubmissionChanged> events, int[] partitions)
    {
        Events = events;
        Partitions = partitions;
        _indexByEventId = new Dictionary<string, int>(events.Count, StringComparer.Ordinal);
        for (var index = 0; index < events.Count; index++)
        {
            _indexByEventId.Add(events[index].EventId, index);
        }
    }

    public IReadOnlyList<SubmissionChanged> Events { get; }

    /// <summary>The partition of each event, by the event's index in <see cref="Events"/>.</summary>
    public IReadOnlyList<int> Partitions { get; }

    public int Count => Events.Count;

    /// <summary>Returns the index of an event in <see cref="Events"/>, or -1 when the id is not one of this set.</summary>
    public int IndexOf(string eventId) => _indexByEventId.GetValueOrDefault(eventId, -1);

    /// <summary>Builds <paramref name="count"/> events. The last submission has fewer versions when four does not divide the count.</summary>
    public static LakeEventSet Create(int count, int partitionCount, DateTimeOffset start)
    {
        var events = new List<SubmissionChanged>(count);
        var partitions = new int[count];
        var submissionId = "";
        var correlationId = "";
        for (var index = 0; index < count; index++)
        {
            var version = index % VersionsPerSubmission + 1;
            if (version == 1)
            {
                submissionId = IdempotencyKeys.NewSubmissionId();
                correlationId = Guid.NewGuid().ToString("N");
            }

            var status = Statuses[version - 1];
            var createdAt = start.AddMilliseconds(index / VersionsPerSubmission);
            var occurredAt = createdAt.AddMilliseconds(150 * (version - 1));
            var document = LakeDocument.Render(submissionId, status, version, correlationId, createdAt, occurredAt);
            events.Add(new SubmissionChanged(
                SubmissionChanged.EventIdOf(submissionId, version),
                submissionId,
                version,
                status,
                occurredAt,
                Causes[version - 1],
                ClientId,
                correlationId,
                TraceParent,
                document));
            partitions[index] = ChangeStreams.PartitionOf(submissionId, partitionCount);
        }

        return new LakeEventSet(events, partitions);
    }

    /// <summary>Returns the mean length of the events' documents in UTF-16 characters, which is bytes for ASCII text.</summary>
    public double MeanDocumentLength() => Events.Average(change => change.DocumentJson.Length);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Count} events, documents of {MeanDocumentLength():F0} characters on average");
}
