namespace Dovetail.Grains.Abstractions.Submissions;

/// <param name="View">The submission; null only for <see cref="AddDataOutcome.NotFound"/>.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.add-data-result")]
public sealed record AddDataResult(
    [property: Id(0)] AddDataOutcome Outcome,
    [property: Id(1)] SubmissionView? View);
