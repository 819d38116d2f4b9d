namespace Dovetail.Grains.Abstractions.Lookup;

/// <summary>
/// How a lookup ended.
/// </summary>
[GenerateSerializer]
[Alias("dovetail.enrichment-outcome-kind")]
public enum EnrichmentOutcomeKind
{
    /// <summary>One gazetteer entry was picked.</summary>
    Matched = 0,

    /// <summary>The gazetteer responded and no entry matched, which is a recorded outcome, not an error.</summary>
    NoMatch = 1,

    /// <summary>The lookup gave up; <see cref="EnrichmentOutcome.FailureReason"/> contains the code.</summary>
    Failed = 2,
}
