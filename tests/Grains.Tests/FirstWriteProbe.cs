using System.Collections.Concurrent;

namespace Dovetail.Grains.Tests;

/// <summary>
/// What the first storage write of each submission found, kept per test cluster, and the submissions whose first
/// write a test wants to fail. <see cref="ObservedGrainStorage"/> fills it in.
/// </summary>
internal sealed class FirstWriteProbe
{
    private static readonly ConcurrentDictionary<string, FirstWriteProbe> Probes = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _remindersAtFirstWrite = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _failures = new(StringComparer.Ordinal);

    public static FirstWriteProbe For(string serviceId) => Probes.GetOrAdd(serviceId, _ => new FirstWriteProbe());

    /// <summary>Makes the next first write of <paramref name="submissionId"/> throw, once.</summary>
    public void FailFirstWrite(string submissionId) => _failures[submissionId] = true;

    /// <summary>Returns the reminder names the submission had when its first write began, or null before that.</summary>
    public IReadOnlyList<string>? RemindersAtFirstWrite(string submissionId) =>
        _remindersAtFirstWrite.TryGetValue(submissionId, out var names) ? names : null;

    internal void RecordFirstWrite(string submissionId, IReadOnlyList<string> reminderNames) =>
        _remindersAtFirstWrite[submissionId] = reminderNames;

    internal bool TakeFailure(string submissionId) => _failures.TryRemove(submissionId, out _);
}
