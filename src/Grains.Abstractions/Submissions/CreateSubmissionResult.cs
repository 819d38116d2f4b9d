namespace Dovetail.Grains.Abstractions.Submissions;

/// <param name="View">The submission; null only for <see cref="CreateSubmissionOutcome.KeyReusedWithDifferentBody"/>.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.create-submission-result")]
public sealed record CreateSubmissionResult(
    [property: Id(0)] CreateSubmissionOutcome Outcome,
    [property: Id(1)] SubmissionView? View);
