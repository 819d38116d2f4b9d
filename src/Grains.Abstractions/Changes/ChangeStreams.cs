namespace Dovetail.Grains.Abstractions.Changes;

/// <summary>
/// Names and partitioning of the durable stream that carries <see cref="SubmissionChanged"/> events.
/// </summary>
public static class ChangeStreams
{
    /// <summary>The Orleans stream provider name.</summary>
    public const string ProviderName = "changes";

    /// <summary>The stream namespace; the stream key is the partition number.</summary>
    public const string Namespace = "submission-changes";

    /// <summary>
    /// Returns the partition of a submission. All changes of one submission go to one partition stream, so they
    /// keep their order.
    /// </summary>
    public static int PartitionOf(string submissionId, int partitionCount)
    {
        ArgumentNullException.ThrowIfNull(submissionId);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);

        return (int)(StableStringHash.Fnv1a(submissionId) % (uint)partitionCount);
    }
}
