using System.Collections.Concurrent;

namespace Dovetail.Grains.Tests;

/// <summary>
/// The appends and status reads that a test cluster's <see cref="FaultyChangeBuffer"/> fails, kept per cluster.
/// </summary>
internal sealed class ChangeBufferFaults
{
    private static readonly ConcurrentDictionary<string, ChangeBufferFaults> Faults = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, int> _remaining = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _statusFailuresAfter = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, bool> _statusFailures = new();

    public static ChangeBufferFaults For(string serviceId) => Faults.GetOrAdd(serviceId, _ => new ChangeBufferFaults());

    /// <summary>Makes the next <paramref name="times"/> appends of <paramref name="eventId"/> throw.</summary>
    public void FailAppends(string eventId, int times) => _remaining[eventId] = times;

    /// <summary>
    /// Makes the first status read of a partition fail once after <paramref name="eventId"/> was appended to it, as
    /// when the database fails between two statements.
    /// </summary>
    public void FailStatusReadAfterAppend(string eventId) => _statusFailuresAfter[eventId] = true;

    internal void OnAppended(long partition, string eventId)
    {
        if (_statusFailuresAfter.TryRemove(eventId, out _))
        {
            _statusFailures[partition] = true;
        }
    }

    internal bool TakeStatusFailure(long partition) => _statusFailures.TryRemove(partition, out _);

    /// <summary>Returns true and counts one failure when an append of <paramref name="eventId"/> is to fail.</summary>
    internal bool TakeFailure(string eventId)
    {
        while (_remaining.TryGetValue(eventId, out var left) && left > 0)
        {
            if (_remaining.TryUpdate(eventId, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }
}
