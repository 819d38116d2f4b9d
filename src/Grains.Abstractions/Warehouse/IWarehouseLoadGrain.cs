namespace Dovetail.Grains.Abstractions.Warehouse;

/// <summary>
/// The daily warehouse load, one grain per cluster (key 0). Its reminder loads the recent days whose lake objects
/// changed since their last load; operators can load a day on request. Loads run one at a time.
/// </summary>
public interface IWarehouseLoadGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the daily reminder at the configured time of day, replacing an earlier registration.</summary>
    Task EnsureScheduledAsync();

    /// <summary>
    /// Loads <paramref name="day"/> when its lake objects changed since its last load, or always when
    /// <paramref name="force"/> is true.
    /// </summary>
    Task<WarehouseLoadResult> LoadAsync(DateOnly day, bool force);
}
