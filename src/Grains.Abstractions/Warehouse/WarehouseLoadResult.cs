namespace Dovetail.Grains.Abstractions.Warehouse;

/// <summary>The outcome of loading one day, with the load as the warehouse records it.</summary>
/// <param name="Objects">The lake objects of the day.</param>
/// <param name="Records">The rows the warehouse stores for the day.</param>
/// <param name="SourceFingerprint">The SHA-256 over the day's object paths and checksums, in path order.</param>
/// <param name="LoadedAt">When the day was last loaded, which is earlier than now for an unchanged day.</param>
[GenerateSerializer]
[Alias("dovetail.warehouse-load-result")]
public sealed record WarehouseLoadResult(
    [property: Id(0)] WarehouseLoadOutcome Outcome,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] int Objects,
    [property: Id(3)] long Records,
    [property: Id(4)] string SourceFingerprint,
    [property: Id(5)] DateTimeOffset LoadedAt);
