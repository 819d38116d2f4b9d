using System.ComponentModel.DataAnnotations;

namespace Dovetail.Grains.Warehouse;

/// <summary>
/// Settings of the daily warehouse load, bound from the <c>Warehouse</c> configuration section.
/// </summary>
public sealed class WarehouseOptions
{
    public const string SectionName = "Warehouse";

    /// <summary>
    /// The DuckDB file of the warehouse in local mode; relative paths are resolved against the working directory.
    /// PostgreSQL mode uses the schema <c>dovetail_warehouse</c> instead.
    /// </summary>
    [Required]
    public string DuckDbPath { get; set; } = "warehouse/dovetail.duckdb";

    /// <summary>The time of day, in UTC, at which the daily load runs.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan DailyAt { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many days before today the daily load checks. A day whose lake objects changed since its last load, by a
    /// late object or a missed run, is loaded again. An unchanged day costs only a listing of its manifests.
    /// </summary>
    [Range(1, 366)]
    public int Days { get; set; } = 7;
}
