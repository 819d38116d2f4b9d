using Dovetail.Grains.Abstractions.Changes;

namespace Dovetail.Grains.Lake;

/// <summary>
/// The stored state of one partition's batch: the events not yet published and what was published already.
/// </summary>
[GenerateSerializer]
[Alias("dovetail.change-batch-state")]
public sealed class ChangeBatchState
{
    /// <summary>Events received and not yet published, in arrival order.</summary>
    [Id(0)] public List<SubmissionChanged> Buffer { get; set; } = [];

    [Id(1)] public long BufferedBytes { get; set; }

    /// <summary>The start of the open window, or null when nothing is buffered.</summary>
    [Id(2)] public DateTimeOffset? WindowStart { get; set; }

    /// <summary>The sequence number of the next object of the open window, starting at 1.</summary>
    [Id(3)] public int NextSequence { get; set; } = 1;

    /// <summary>
    /// The highest version of each submission already published, so a redelivered event is dropped instead of
    /// appearing in a second object.
    /// </summary>
    [Id(4)] public Dictionary<string, PublishedVersion> Published { get; set; } = new(StringComparer.Ordinal);
}

/// <param name="Final">True when that version ended the submission, so no later version will come.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.published-version")]
public sealed record PublishedVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] bool Final,
    [property: Id(2)] DateTimeOffset PublishedAt);
