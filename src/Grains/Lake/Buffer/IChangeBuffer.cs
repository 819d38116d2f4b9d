using Dovetail.Grains.Abstractions.Changes;

namespace Dovetail.Grains.Lake.Buffer;

/// <summary>
/// The durable buffer of the change batching grains: per partition, the events not yet published, the open window
/// and its next object's sequence number, the event ids already published, and the objects whose query step is
/// still to run. Only the partition's batching grain writes its partition, so calls for one partition never overlap.
/// </summary>
public interface IChangeBuffer
{
    /// <summary>Reads the partition's open window, next sequence number and what is buffered.</summary>
    Task<ChangeBufferStatus> ReadStatusAsync(long partition, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="change"/> unless its event id is buffered or was published already, and opens the
    /// window <paramref name="windowStart"/> when no window is open. Reopening the window of the last published
    /// object continues its sequence, so a window closed early by a flush never reuses an object name, and a window
    /// before that one (a silo whose clock is behind) opens as that one. Returns false for a duplicate.
    /// </summary>
    Task<bool> AppendAsync(long partition, SubmissionChanged change, long bytes, DateTimeOffset windowStart, CancellationToken cancellationToken);

    /// <summary>Reads the buffered events of the partition in arrival order, with the window and sequence they go into.</summary>
    Task<ChangeBufferContents> ReadAsync(long partition, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the events up to <see cref="ChangeBufferContents.LastPosition"/> are published in
    /// <paramref name="objectPath"/>, in one transaction: their ids move to the published set, the object waits
    /// for its query step, and the cursor moves to the next sequence number and also closes the window when
    /// <paramref name="closeWindow"/> is true. Published ids older than <paramref name="forgetBefore"/> are dropped.
    /// </summary>
    Task CompleteAsync(
        long partition,
        ChangeBufferContents published,
        string objectPath,
        bool closeWindow,
        DateTimeOffset publishedAt,
        DateTimeOffset forgetBefore,
        CancellationToken cancellationToken);

    /// <summary>Closes the partition's open window when it contains no events.</summary>
    Task CloseEmptyWindowAsync(long partition, CancellationToken cancellationToken);

    /// <summary>Lists the partition's published objects whose query step has not finished.</summary>
    Task<IReadOnlyList<string>> ReadPendingQueriesAsync(long partition, CancellationToken cancellationToken);

    /// <summary>Records that the query step of <paramref name="objectPath"/> finished, with a result or a dead letter.</summary>
    Task CompleteQueryAsync(long partition, string objectPath, CancellationToken cancellationToken);
}

/// <param name="WindowStart">The start of the open window, or null when none is open.</param>
/// <param name="NextSequence">The sequence number of the next object in the open window, from 1.</param>
/// <param name="Count">How many events are buffered.</param>
/// <param name="Bytes">The estimated uncompressed size of the buffered events.</param>
public sealed record ChangeBufferStatus(DateTimeOffset? WindowStart, int NextSequence, int Count, long Bytes);

/// <param name="Changes">The buffered events in arrival order.</param>
/// <param name="LastPosition">The position of the last event read, which bounds what a completion removes.</param>
/// <param name="WindowStart">The open window as stored, which names the object; null when none is open.</param>
/// <param name="NextSequence">The sequence number of the object these events go into, as stored.</param>
public sealed record ChangeBufferContents(
    IReadOnlyList<SubmissionChanged> Changes, long LastPosition, DateTimeOffset? WindowStart = null, int NextSequence = 1);
