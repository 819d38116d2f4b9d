using Dovetail.Grains.Abstractions.Insights;

namespace Dovetail.Grains.Warehouse;

/// <summary>The aggregates the insights dashboard shows, read from the warehouse.</summary>
public sealed record WarehouseSummary(IReadOnlyList<DailyStatusCount> Transitions, IReadOnlyList<CountryCount> CompletedByCountry);
