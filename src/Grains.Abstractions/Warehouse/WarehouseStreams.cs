namespace Dovetail.Grains.Abstractions.Warehouse;

/// <summary>
/// Names of the stream that carries <see cref="WarehouseLoaded"/> events. It uses the durable change stream
/// provider, so a load's event survives a silo crash as change events do.
/// </summary>
public static class WarehouseStreams
{
    /// <summary>The stream namespace; the cluster has one stream, with key <see cref="Key"/>.</summary>
    public const string Namespace = "warehouse-loads";

    /// <summary>The key of the one stream, which is also the key of the insights grain that follows it.</summary>
    public const long Key = 0;
}
