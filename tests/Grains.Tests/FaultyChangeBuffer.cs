using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Lake.Buffer;

namespace Dovetail.Grains.Tests;

/// <summary>
/// A change buffer that fails the appends and status reads <see cref="ChangeBufferFaults"/> names, as a database
/// outage would, and passes every other call to the buffer it wraps.
/// </summary>
internal sealed class FaultyChangeBuffer(IChangeBuffer inner, ChangeBufferFaults faults) : IChangeBuffer
{
    public Task<ChangeBufferStatus> ReadStatusAsync(long partition, CancellationToken cancellationToken) =>
        faults.TakeStatusFailure(partition)
            ? Task.FromException<ChangeBufferStatus>(new IOException($"The test failed the status read of partition {partition}."))
            : inner.ReadStatusAsync(partition, cancellationToken);

    public async Task<bool> AppendAsync(
        long partition, SubmissionChanged change, long bytes, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);

        if (faults.TakeFailure(change.EventId))
        {
            throw new IOException($"The test failed the append of change {change.EventId}.");
        }

        var appended = await inner.AppendAsync(partition, change, bytes, windowStart, cancellationToken);
        faults.OnAppended(partition, change.EventId);
        return appended;
    }

    public Task<ChangeBufferContents> ReadAsync(long partition, CancellationToken cancellationToken) =>
        inner.ReadAsync(partition, cancellationToken);

    public Task CompleteAsync(
        long partition,
        ChangeBufferContents published,
        string objectPath,
        bool closeWindow,
        DateTimeOffset publishedAt,
        DateTimeOffset forgetBefore,
        CancellationToken cancellationToken) =>
        inner.CompleteAsync(partition, published, objectPath, closeWindow, publishedAt, forgetBefore, cancellationToken);

    public Task CloseEmptyWindowAsync(long partition, CancellationToken cancellationToken) =>
        inner.CloseEmptyWindowAsync(partition, cancellationToken);

    public Task<IReadOnlyList<string>> ReadPendingQueriesAsync(long partition, CancellationToken cancellationToken) =>
        inner.ReadPendingQueriesAsync(partition, cancellationToken);

    public Task CompleteQueryAsync(long partition, string objectPath, CancellationToken cancellationToken) =>
        inner.CompleteQueryAsync(partition, objectPath, cancellationToken);
}
