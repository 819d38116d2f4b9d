using Dovetail.Grains.Submissions;
using Orleans.Storage;

namespace Dovetail.Grains.Tests;

/// <summary>
/// Wraps the silo's grain storage. Before a submission's state is first written, it records which reminders the
/// grain already has, and it fails that write when the test asked for it, as a database outage would.
/// </summary>
internal sealed class ObservedGrainStorage(IGrainStorage inner, IReminderTable reminders, FirstWriteProbe probe)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.State is SubmissionState && !grainState.RecordExists)
        {
            var submissionId = grainId.Key.ToString()!;
            var stored = await reminders.ReadRows(grainId);
            probe.RecordFirstWrite(submissionId, [.. stored.Reminders.Select(entry => entry.ReminderName).Order(StringComparer.Ordinal)]);
            if (probe.TakeFailure(submissionId))
            {
                throw new IOException($"The test failed the first write of submission {submissionId}.");
            }
        }

        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    // Orleans subscribes a storage provider to the silo lifecycle when its type takes part in it, so the wrapper
    // passes the subscription on to the provider it wraps.
    public void Participate(ISiloLifecycle lifecycle)
    {
        if (inner is ILifecycleParticipant<ISiloLifecycle> participant)
        {
            participant.Participate(lifecycle);
        }
    }
}
