using Orleans.Concurrency;
using Dovetail.Grains.Abstractions.Lookup;

namespace Dovetail.Grains.Abstractions.Submissions;

/// <summary>
/// One submission, keyed by its id. Every method returns without waiting for the external call.
/// </summary>
public interface ISubmissionGrain : IGrainWithStringKey
{
    /// <summary>Stores the first request and dispatches enrichment; a replay returns the stored submission.</summary>
    Task<CreateSubmissionResult> CreateAsync(CreateSubmissionCommand command);

    /// <summary>Stores the second request, durably, before returning.</summary>
    Task<AddDataResult> AddDataAsync(AddDataCommand command);

    /// <summary>Returns the submission when it exists and belongs to <paramref name="clientId"/>, else null.</summary>
    [AlwaysInterleave]
    Task<SubmissionView?> GetAsync(string clientId);

    /// <summary>
    /// Returns every committed transition, oldest first, when the submission exists and belongs to
    /// <paramref name="clientId"/>, else null.
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<SubmissionTransition>?> GetTimelineAsync(string clientId);

    /// <summary>Applies the first lookup outcome that arrives; later ones are ignored.</summary>
    Task ApplyEnrichmentAsync(EnrichmentOutcome outcome);
}
