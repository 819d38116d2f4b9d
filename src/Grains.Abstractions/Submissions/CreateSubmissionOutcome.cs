namespace Dovetail.Grains.Abstractions.Submissions;

/// <summary>
/// What a first request did.
/// </summary>
[GenerateSerializer]
[Alias("dovetail.create-submission-outcome")]
public enum CreateSubmissionOutcome
{
    /// <summary>A new submission was stored.</summary>
    Created = 0,

    /// <summary>The same idempotency key and body were seen before; the original submission is returned.</summary>
    Replayed = 1,

    /// <summary>The idempotency key was used before with a different body.</summary>
    KeyReusedWithDifferentBody = 2,
}
