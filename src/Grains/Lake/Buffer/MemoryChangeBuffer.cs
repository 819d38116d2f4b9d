using Dovetail.Grains.Abstractions.Changes;

namespace Dovetail.Grains.Lake.Buffer;

/// <summary>
/// The change buffer of local mode, held in the process's memory like the rest of local mode's state. Silos that
/// share one instance (an in-process test cluster) see one buffer, as silos sharing a database would.
/// </summary>
public sealed class MemoryChangeBuffer : IChangeBuffer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Partition> _partitions = [];
    private readonly Dictionary<string, DateTimeOffset> _published = new(StringComparer.Ordinal);

    public Task<ChangeBufferStatus> ReadStatusAsync(long partition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = Get(partition);
            return Task.FromResult(new ChangeBufferStatus(
                state.WindowStart, state.NextSequence, state.Buffer.Count, state.Buffer.Sum(entry => entry.Bytes)));
        }
    }

    public Task<bool> AppendAsync(
        long partition, SubmissionChanged change, long bytes, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var state = Get(partition);
            if (_published.ContainsKey(change.EventId) || state.Buffer.Exists(entry => entry.Change.EventId == change.EventId))
            {
                return Task.FromResult(false);
            }

            state.Buffer.Add(new Entry(++state.LastPosition, change, bytes));
            if (state.WindowStart is null)
            {
                var reopens = state.LastWindowStart is { } last && last >= windowStart;
                state.NextSequence = reopens ? state.NextSequence : 1;
                state.WindowStart = reopens ? state.LastWindowStart : windowStart;
            }

            return Task.FromResult(true);
        }
    }

    public Task<ChangeBufferContents> ReadAsync(long partition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = Get(partition);
            var changes = state.Buffer.Select(entry => entry.Change).ToList();
            var last = state.Buffer.Count == 0 ? 0 : state.Buffer[^1].Position;
            return Task.FromResult(new ChangeBufferContents(changes, last, state.WindowStart, state.NextSequence));
        }
    }

    public Task CompleteAsync(
        long partition,
        ChangeBufferContents published,
        string objectPath,
        bool closeWindow,
        DateTimeOffset publishedAt,
        DateTimeOffset forgetBefore,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        lock (_gate)
        {
            var state = Get(partition);
            foreach (var entry in state.Buffer.Where(entry => entry.Position <= published.LastPosition))
            {
                _published[entry.Change.EventId] = publishedAt;
            }

            state.Buffer.RemoveAll(entry => entry.Position <= published.LastPosition);
            state.PendingQueries.Add(objectPath);
            state.NextSequence++;
            state.LastWindowStart = state.WindowStart;
            state.WindowStart = closeWindow ? null : state.WindowStart;
            foreach (var old in _published.Where(entry => entry.Value < forgetBefore).Select(entry => entry.Key).ToList())
            {
                _published.Remove(old);
            }

            return Task.CompletedTask;
        }
    }

    public Task CloseEmptyWindowAsync(long partition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = Get(partition);
            if (state.Buffer.Count == 0)
            {
                state.WindowStart = null;
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<string>> ReadPendingQueriesAsync(long partition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(Get(partition).PendingQueries.Order(StringComparer.Ordinal).ToList());
        }
    }

    public Task CompleteQueryAsync(long partition, string objectPath, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Get(partition).PendingQueries.Remove(objectPath);
            return Task.CompletedTask;
        }
    }

    private Partition Get(long partition)
    {
        if (!_partitions.TryGetValue(partition, out var state))
        {
            state = new Partition();
            _partitions[partition] = state;
        }

        return state;
    }

    private sealed record Entry(long Position, SubmissionChanged Change, long Bytes);

    private sealed class Partition
    {
        public List<Entry> Buffer { get; } = [];

        public HashSet<string> PendingQueries { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? WindowStart { get; set; }

        public DateTimeOffset? LastWindowStart { get; set; }

        public int NextSequence { get; set; } = 1;

        public long LastPosition { get; set; }
    }
}
