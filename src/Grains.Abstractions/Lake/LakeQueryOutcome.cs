namespace Dovetail.Grains.Abstractions.Lake;

/// <summary>What the query step did with one lake object.</summary>
/// <param name="ObjectPath">The object that was queried.</param>
/// <param name="Succeeded">True when the result is stored; false when the object went to the dead-letter location.</param>
/// <param name="ResultPath">Where the result is stored, or where the dead-letter entry is when the query failed.</param>
/// <param name="Attempts">How many times the query ran for this call.</param>
/// <param name="Reason">Why the last attempt failed, or null when the query succeeded.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.lake-query-outcome")]
public sealed record LakeQueryOutcome(
    [property: Id(0)] string ObjectPath,
    [property: Id(1)] bool Succeeded,
    [property: Id(2)] string ResultPath,
    [property: Id(3)] int Attempts,
    [property: Id(4)] string? Reason);
