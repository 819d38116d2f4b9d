using Dovetail.Grains.Lake;

namespace Dovetail.Grains.Warehouse;

/// <summary>A lake record with the object it came from, as the warehouse stores it.</summary>
public sealed record WarehouseRow(LakeRecord Record, string ObjectPath);
