namespace Dovetail.Grains.Warehouse;

/// <summary>
/// The warehouse that the daily load fills: the schema <c>dovetail_warehouse</c> in PostgreSQL mode, a DuckDB file
/// in local mode.
/// </summary>
public interface IWarehouse
{
    /// <summary>Describes where the warehouse is, for messages: a file path, or a schema and database.</summary>
    string Location { get; }

    /// <summary>Returns the last load of <paramref name="day"/>, or null when the day was never loaded.</summary>
    Task<WarehouseLoad?> ReadLoadAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the rows of <paramref name="day"/> with <paramref name="rows"/> and records the load, in one
    /// transaction, so a reader sees the old day or the new one and never a part. A row whose event id is already
    /// stored, in another day or earlier in <paramref name="rows"/>, is skipped. The rows are streamed into the store,
    /// and an exception while they are read rolls the whole day back. Returns the load as recorded.
    /// </summary>
    Task<WarehouseLoad> ReplaceDayAsync(
        DateOnly day,
        string sourceFingerprint,
        int objects,
        IAsyncEnumerable<WarehouseRow> rows,
        DateTimeOffset loadedAt,
        CancellationToken cancellationToken);

    /// <summary>Counts the rows of <paramref name="day"/>.</summary>
    Task<long> CountRowsAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>
    /// Reads, from <paramref name="fromDay"/> on, the changes per day and status, and the completed submissions per
    /// country of the picked place, at most <paramref name="countries"/> of them, most first.
    /// </summary>
    Task<WarehouseSummary> ReadSummaryAsync(DateOnly fromDay, int countries, CancellationToken cancellationToken);
}
