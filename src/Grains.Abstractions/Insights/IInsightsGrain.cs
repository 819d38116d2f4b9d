namespace Dovetail.Grains.Abstractions.Insights;

/// <summary>
/// The cached dataset of the insights dashboard, one grain per cluster (key 0). It follows the warehouse load
/// stream and computes the dataset again after each load, so reads never query the warehouse.
/// </summary>
public interface IInsightsGrain : IGrainWithIntegerKey
{
    /// <summary>Returns the cached dataset, computing it first when this activation has none.</summary>
    Task<InsightsDataset> GetAsync();
}
