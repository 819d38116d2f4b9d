using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Grains.Abstractions.Idempotency;

/// <summary>
/// One idempotency key of one client, keyed by <see cref="IdempotencyKeys.GrainKey"/>. It serialises concurrent
/// first requests with the same key, so that exactly one submission is created for them.
/// </summary>
public interface IIdempotencyKeyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the submission for this key, or returns the one created before while the key is retained.
    /// </summary>
    Task<CreateSubmissionResult> CreateAsync(CreateSubmissionCommand command);
}
