namespace Dovetail.Grains.Warehouse;

/// <summary>
/// The record of one loaded day: the fingerprint of the lake objects it read, how many objects and rows it loaded,
/// and when.
/// </summary>
/// <param name="SourceFingerprint">The SHA-256 over the day's object paths and their checksums, in path order.</param>
public sealed record WarehouseLoad(DateOnly Day, string SourceFingerprint, int Objects, long Records, DateTimeOffset LoadedAt);
