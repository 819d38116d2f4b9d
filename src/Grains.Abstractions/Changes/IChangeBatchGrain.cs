namespace Dovetail.Grains.Abstractions.Changes;

/// <summary>
/// The batching consumer of one change-stream partition, keyed by the partition number. It collects events and
/// publishes them to the lake when the size limit or the end of the time window is reached.
/// </summary>
public interface IChangeBatchGrain : IGrainWithIntegerKey
{
    /// <summary>Publishes what is buffered now, without waiting for the window; returns the events published.</summary>
    Task<int> FlushAsync();
}
