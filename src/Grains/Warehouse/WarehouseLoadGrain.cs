using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Warehouse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Warehouse;

/// <summary>
/// Runs the daily warehouse load. Its reminder ticks once a day at <see cref="WarehouseOptions.DailyAt"/> and loads
/// each of the last <see cref="WarehouseOptions.Days"/> days before today whose lake objects changed since their
/// last load, so a missed tick or a late object is caught up on the next one. Today is not loaded by the reminder,
/// because its objects are still being published. Every load that writes a day emits <see cref="WarehouseLoaded"/>,
/// which refreshes the insights dataset.
/// </summary>
public sealed class WarehouseLoadGrain(
    WarehouseLoader loader, IOptions<WarehouseOptions> options, TimeProvider time, ILogger<WarehouseLoadGrain> logger)
    : Grain, IWarehouseLoadGrain, IRemindable
{
    internal const string DailyReminder = "daily";

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly WarehouseOptions _options = options.Value;
    private IGrainTimer? _runTimer;

    public async Task EnsureScheduledAsync()
    {
        // Registering again keeps the same schedule, because the first tick is always the next occurrence of the
        // configured time of day, so every silo may call this at start.
        var now = time.GetUtcNow();
        var first = NextOccurrence(now, _options.DailyAt);
        await this.RegisterOrUpdateReminder(DailyReminder, first - now, Day);
        WarehouseLog.Scheduled(logger, _options.DailyAt, first);
    }

    public async Task<WarehouseLoadResult> LoadAsync(DateOnly day, bool force)
    {
        var result = await loader.LoadDayAsync(day, force, CancellationToken.None);
        await AnnounceAsync(result);
        return result;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // A load can take longer than a grain call may, so the tick starts it in a timer turn of its own and returns.
        // Calls to the grain wait for that turn, so loads never overlap.
        _runTimer ??= this.RegisterGrainTimer(
            _ => RunDailyAsync(),
            new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return Task.CompletedTask;
    }

    // The day is in the warehouse whether or not the event goes out, so a failed publish is logged and not thrown.
    // The insights grain computes its dataset at activation too, so it catches up at the latest after a restart.
    private async Task AnnounceAsync(WarehouseLoadResult result)
    {
        if (result.Outcome != WarehouseLoadOutcome.Loaded)
        {
            return;
        }

        try
        {
            var stream = this.GetStreamProvider(ChangeStreams.ProviderName)
                .GetStream<WarehouseLoaded>(StreamId.Create(WarehouseStreams.Namespace, WarehouseStreams.Key));
            await stream.OnNextAsync(new WarehouseLoaded(
                result.Day, result.Objects, result.Records, result.SourceFingerprint, result.LoadedAt));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            WarehouseLog.LoadNotAnnounced(logger, exception, result.Day);
        }
    }

    /// <summary>Returns the first time at or after <paramref name="now"/> whose UTC time of day is <paramref name="timeOfDay"/>.</summary>
    internal static DateTimeOffset NextOccurrence(DateTimeOffset now, TimeSpan timeOfDay)
    {
        var utc = now.ToUniversalTime();
        var today = new DateTimeOffset(utc.Date, TimeSpan.Zero) + timeOfDay;
        return today >= utc ? today : today + Day;
    }

    private async Task RunDailyAsync()
    {
        _runTimer?.Dispose();
        _runTimer = null;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        for (var daysBack = _options.Days; daysBack >= 1; daysBack--)
        {
            try
            {
                await AnnounceAsync(await loader.LoadDayAsync(today.AddDays(-daysBack), force: false, CancellationToken.None));
            }
#pragma warning disable CA1031 // The loader logged the failure; the other days still load, and the next tick retries.
            catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
            {
            }
        }
    }
}
