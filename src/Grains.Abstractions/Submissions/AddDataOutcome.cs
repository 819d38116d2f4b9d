namespace Dovetail.Grains.Abstractions.Submissions;

/// <summary>
/// What a second request did.
/// </summary>
[GenerateSerializer]
[Alias("dovetail.add-data-outcome")]
public enum AddDataOutcome
{
    /// <summary>The data completed the submission; the view contains the final object.</summary>
    Completed = 0,

    /// <summary>The data is stored durably and enrichment still runs.</summary>
    Stored = 1,

    /// <summary>Different data was stored before.</summary>
    ConflictingData = 2,

    /// <summary>No submission of this client has the id.</summary>
    NotFound = 3,

    /// <summary>The deadline for the second request passed.</summary>
    Expired = 4,

    /// <summary>Enrichment failed, so the submission cannot complete.</summary>
    Failed = 5,
}
