namespace Dovetail.Grains.Abstractions.Insights;

/// <summary>
/// The dataset behind the insights dashboard, computed from the warehouse after each load and cached until the next.
/// </summary>
/// <param name="Version">Counts the refreshes of this grain activation, from 1; 0 means never refreshed.</param>
/// <param name="RefreshedAt">When the dataset was computed, or null when it never was.</param>
/// <param name="LastLoad">The load that caused the latest refresh, or null when the dataset was computed at activation.</param>
/// <param name="Transitions">Per day and status, how many changes moved a submission into that status.</param>
/// <param name="CompletedByCountry">Completed submissions per country of the picked place, most first.</param>
/// <param name="RefreshError">Why the last attempt to compute the dataset failed, or null when it succeeded.</param>
[GenerateSerializer]
[Alias("dovetail.insights-dataset")]
public sealed record InsightsDataset(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset? RefreshedAt,
    [property: Id(2)] Warehouse.WarehouseLoaded? LastLoad,
    [property: Id(3)] IReadOnlyList<DailyStatusCount> Transitions,
    [property: Id(4)] IReadOnlyList<CountryCount> CompletedByCountry,
    [property: Id(5)] string? RefreshError = null)
{
    /// <summary>The dataset of a grain that has not read the warehouse yet.</summary>
    public static InsightsDataset Empty { get; } = new(0, null, null, [], []);
}

/// <summary>How many changes of one day moved a submission into one status.</summary>
[GenerateSerializer]
[Alias("dovetail.daily-status-count")]
public sealed record DailyStatusCount([property: Id(0)] DateOnly Day, [property: Id(1)] string Status, [property: Id(2)] long Count);

/// <summary>How many completed submissions picked a place in one country; the country is empty when unknown.</summary>
[GenerateSerializer]
[Alias("dovetail.country-count")]
public sealed record CountryCount([property: Id(0)] string Country, [property: Id(1)] long Count);
