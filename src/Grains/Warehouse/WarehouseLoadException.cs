namespace Dovetail.Grains.Warehouse;

/// <summary>A day could not be loaded because the lake does not match its manifests. Nothing was written.</summary>
[GenerateSerializer]
[Alias("dovetail.warehouse-load-exception")]
public sealed class WarehouseLoadException : Exception
{
    public WarehouseLoadException()
    {
    }

    public WarehouseLoadException(string message)
        : base(message)
    {
    }

    public WarehouseLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
