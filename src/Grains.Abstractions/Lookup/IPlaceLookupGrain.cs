namespace Dovetail.Grains.Abstractions.Lookup;

/// <summary>
/// A lookup worker. The pool has a fixed number of workers keyed 0..n-1, each making one external call at a
/// time, so the pool size is the cluster-wide concurrency cap.
/// </summary>
public interface IPlaceLookupGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Queues a lookup and returns at once. The worker later calls the submission's
    /// <c>ApplyEnrichmentAsync</c>. A request for a submission already queued or in flight is ignored.
    /// </summary>
    Task EnqueueAsync(LookupRequest request);
}
