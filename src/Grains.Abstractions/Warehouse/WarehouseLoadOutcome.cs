namespace Dovetail.Grains.Abstractions.Warehouse;

/// <summary>What a load of one day did.</summary>
[GenerateSerializer]
[Alias("dovetail.warehouse-load-outcome")]
public enum WarehouseLoadOutcome
{
    /// <summary>The day's rows were replaced with what the lake contains now.</summary>
    Loaded = 0,

    /// <summary>The day's lake objects are the ones its last load read, so nothing was written.</summary>
    Unchanged = 1,
}
