using Dovetail.Grains.Abstractions.Insights;
using Dovetail.Grains.Abstractions.Warehouse;
using Dovetail.Grains.Warehouse;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Dovetail.Grains.Insights;

/// <summary>
/// Keeps the insights dashboard's dataset: the last <see cref="Days"/> days of the warehouse and today, aggregated.
/// It follows the warehouse load stream and computes the dataset again after each load. A read computes it only
/// when this activation has none, when the last attempt failed, or when it is older than <see cref="MaxAge"/>,
/// which also picks up loads run outside the cluster by the command.
/// </summary>
[ImplicitStreamSubscription(WarehouseStreams.Namespace)]
public sealed class InsightsGrain(IWarehouse warehouse, TimeProvider time, ILogger<InsightsGrain> logger)
    : Grain, IInsightsGrain, IStreamSubscriptionObserver
{
    /// <summary>How many days before today the dataset covers, besides today.</summary>
    public const int Days = 30;

    /// <summary>The age after which a read computes the dataset again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(15);

    /// <summary>How many countries the completed-by-country list keeps.</summary>
    public const int Countries = 10;

    private InsightsDataset _dataset = InsightsDataset.Empty;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<WarehouseLoaded>().ResumeAsync((load, _) => RefreshAsync(load));
    }

    public async Task<InsightsDataset> GetAsync()
    {
        if (_dataset.Version == 0
            || _dataset.RefreshError is not null
            || time.GetUtcNow() - _dataset.RefreshedAt >= MaxAge)
        {
            await RefreshAsync(null);
        }

        return _dataset;
    }

    // A failed refresh keeps the previous dataset and does not fail the stream delivery: a stale dashboard is better
    // than a stream that holds back the next load's event, which would refresh it.
    private async Task RefreshAsync(WarehouseLoaded? load)
    {
        try
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var summary = await warehouse.ReadSummaryAsync(today.AddDays(-Days), Countries, CancellationToken.None);
            _dataset = new InsightsDataset(
                _dataset.Version + 1, time.GetUtcNow(), load ?? _dataset.LastLoad, summary.Transitions, summary.CompletedByCountry);
            InsightsLog.Refreshed(
                logger, _dataset.Version, load?.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "none",
                summary.Transitions.Count, summary.CompletedByCountry.Count);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The next read tries again, and the page shows why the numbers may be old.
            InsightsLog.RefreshFailed(logger, exception, _dataset.Version);
            _dataset = _dataset with
            {
                LastLoad = load ?? _dataset.LastLoad,
                RefreshError = $"The warehouse could not be read: {exception.Message}",
            };
        }
    }
}
