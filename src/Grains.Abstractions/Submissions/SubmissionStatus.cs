namespace Dovetail.Grains.Abstractions.Submissions;

/// <summary>
/// The lifecycle of a submission. <see cref="SubmissionStatusNames"/> holds the wire names.
/// </summary>
[GenerateSerializer]
[Alias("dovetail.submission-status")]
public enum SubmissionStatus
{
    /// <summary>Stored, enrichment not yet dispatched.</summary>
    Accepted = 0,

    /// <summary>Enrichment runs and no additional data has arrived.</summary>
    Enriching = 1,

    /// <summary>Enrichment finished; the second request has not arrived.</summary>
    AwaitingData = 2,

    /// <summary>The second request arrived; enrichment still runs.</summary>
    AwaitingEnrichment = 3,

    /// <summary>Both halves are joined and the final object is stored.</summary>
    Completed = 4,

    /// <summary>Enrichment gave up; the reason code is stored.</summary>
    Failed = 5,

    /// <summary>No additional data arrived before the deadline.</summary>
    Expired = 6,
}
