namespace Dovetail.Grains.Abstractions.Warehouse;

/// <summary>
/// The event of a load that wrote a day into the warehouse, on the stream <see cref="WarehouseStreams.Namespace"/>.
/// A load of an unchanged day emits none.
/// </summary>
[GenerateSerializer]
[Alias("dovetail.warehouse-loaded")]
public sealed record WarehouseLoaded(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int Objects,
    [property: Id(2)] long Records,
    [property: Id(3)] string SourceFingerprint,
    [property: Id(4)] DateTimeOffset LoadedAt);
